package cn.gov.qinghai.broadband.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;

/**
 * What {@link ActualRepository} cannot express over {@code actual_value}: the advisory lock that serialises writers
 * of one subject until commit, so two concurrent actuals of a month cannot take the same revision.
 */
@Singleton
public class ActualStore {

    private final Sql sql;

    public ActualStore(Sql sql) {
        this.sql = sql;
    }

    public void lockSubject(String kind, String subjectId) {
        SeedLoader.lock(sql, SeedLoader.LOCK_NAMESPACE + 2, (kind + subjectId).hashCode());
    }
}
