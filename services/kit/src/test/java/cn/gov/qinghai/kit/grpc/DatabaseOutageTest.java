package cn.gov.qinghai.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreOutages() {
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new SQLTransientConnectionException("pool timeout"))));
        assertTrue(DatabaseOutage.isOutage(new IllegalStateException(new SQLException("terminating", "57P01"))));
        assertTrue(DatabaseOutage.isOutage(new SQLException("refused", "08001")));
    }

    @Test
    void otherSqlErrorsAreNot() {
        assertFalse(DatabaseOutage.isOutage(new SQLException("unique violation", "23505")));
        assertFalse(DatabaseOutage.isOutage(new IllegalArgumentException("x")));
    }

    @Test
    void dataExceptionsAreTheCallersInput() {
        assertTrue(
                DataRejected.isDataException(new RuntimeException(new SQLException("invalid byte sequence", "22021"))));
        assertFalse(DataRejected.isDataException(new SQLException("refused", "08001")));
    }
}
