package cn.gov.qinghai.dibao.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A row of the append-only {@code case_history}. */
public record HistoryRow(
        int sequence, String action, String fromStatus, String toStatus, String actor, Instant at, String note) {

    public static HistoryRow map(ResultSet rs) throws SQLException {
        return new HistoryRow(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getString(7));
    }
}
