package cn.gov.qinghai.wage.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;

/**
 * What {@link PublishedStandardRepository} cannot express over {@code published_standard}: the advisory lock that
 * serialises all publications until commit, so two concurrent ones cannot both pass the "after the newest" check.
 */
@Singleton
public class PublishedStandardStore {

    /** Advisory lock key of wage publications ("WAGE" in ASCII). */
    private static final long PUBLISH_LOCK = 0x57414745L;

    private final Sql sql;

    public PublishedStandardStore(Sql sql) {
        this.sql = sql;
    }

    public void lockPublications() {
        sql.lock(PUBLISH_LOCK);
    }
}
