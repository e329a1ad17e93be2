package cn.gov.qinghai.enterprisecost.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;

/**
 * What {@link ApplicationRepository} cannot express over {@code application}: the advisory lock that serialises submissions with one request id until commit, so a
 * concurrent retry waits and then replays the first instead of failing on the UNIQUE constraint.
 */
@Singleton
public class ApplicationStore {

    private final Sql sql;

    public ApplicationStore(Sql sql) {
        this.sql = sql;
    }

    public void lockRequestId(String requestId) {
        sql.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "application:" + requestId);
    }
}
