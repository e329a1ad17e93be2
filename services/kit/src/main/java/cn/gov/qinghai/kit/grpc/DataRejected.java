package cn.gov.qinghai.kit.grpc;

import java.sql.SQLException;

/**
 * PostgreSQL refused a value itself (SQLSTATE class 22, "data exception": NUL bytes in text, numeric overflow,
 * invalid encodings). That is bad input that slipped past validation, not a server fault.
 */
public final class DataRejected {

    private DataRejected() {}

    public static boolean isDataException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
