package cn.gov.qinghai.enterprisecost.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;

/**
 * The advisory lock a repository cannot take: serialises submissions with one request id until commit, so a
 * concurrent retry waits and then replays the first instead of failing on the UNIQUE constraint.
 */
@Singleton
public class ApplicationLock {

    private final Sql sql;

    public ApplicationLock(Sql sql) {
        this.sql = sql;
    }

    public void lockRequestId(String requestId) {
        sql.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "application:" + requestId);
    }
}
