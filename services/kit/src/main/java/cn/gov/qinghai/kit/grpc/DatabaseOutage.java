package cn.gov.qinghai.kit.grpc;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database outage (PostgreSQL restarting, network gone, pool timed out waiting for a connection) from a
 * bug, so the caller gets UNAVAILABLE — retry shortly — instead of INTERNAL. The connection pool reconnects by
 * itself when the database is back; no service restart is needed.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    public static boolean isOutage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException
                    || c instanceof SQLNonTransientConnectionException
                    || c instanceof ConnectException) {
                return true;
            }
            if (c instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                // 08xxx connection exceptions; 57P01-03 admin shutdown / crash shutdown / cannot connect now
                return true;
            }
        }
        return false;
    }
}
