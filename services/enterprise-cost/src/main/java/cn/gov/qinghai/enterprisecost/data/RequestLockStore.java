package cn.gov.qinghai.enterprisecost.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;

/**
 * What {@link ApplicationRepository} and {@link InvestmentProjectRepository} cannot express: the advisory locks that
 * serialise submissions with one request id until commit, so a concurrent retry waits and then replays the first
 * instead of failing on the UNIQUE constraint.
 */
@Singleton
public class RequestLockStore {

    private final Sql sql;

    public RequestLockStore(Sql sql) {
        this.sql = sql;
    }

    public void lockApplication(String requestId) {
        lock("application:" + requestId);
    }

    public void lockInvestmentProject(String requestId) {
        lock("investment-project:" + requestId);
    }

    private void lock(String key) {
        sql.execute("SELECT pg_advisory_xact_lock(hashtext(?))", key);
    }
}
