package cn.gov.qinghai.broadband.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** SQL over {@code actual_value}. Callers own the transaction. */
@Singleton
public class ActualStore {

    public static final String INDICATOR = "INDICATOR";
    public static final String CONSUMPTION = "CONSUMPTION";
    private static final String COLUMNS = "id, request_id, kind, subject_id, month, revision, value, note, "
            + "recorded_by, recorded_at";

    private final JdbcOperations jdbc;

    public ActualStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ActualRow> byRequestId(String requestId) {
        return Sql.query(jdbc, "SELECT " + COLUMNS + " FROM actual_value WHERE request_id = ?",
                ps -> ps.setString(1, requestId), ActualStore::row).stream().findFirst();
    }

    public ActualRow insert(ActualRow a) {
        Sql.lock(jdbc, SeedLoader.LOCK_NAMESPACE + 2, (a.kind() + a.subjectId()).hashCode());
        return Sql.query(jdbc, "INSERT INTO actual_value (request_id, kind, subject_id, month, revision, value, note, "
                + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(revision), 0) + 1 FROM "
                + "actual_value WHERE kind = ? AND subject_id = ? AND month = ?), ?, ?, ?, ?) RETURNING " + COLUMNS,
                ps -> {
                    ps.setString(1, a.requestId());
                    ps.setString(2, a.kind());
                    ps.setString(3, a.subjectId());
                    ps.setDate(4, ReportStore.date(a.month()));
                    ps.setString(5, a.kind());
                    ps.setString(6, a.subjectId());
                    ps.setDate(7, ReportStore.date(a.month()));
                    ps.setBigDecimal(8, a.value());
                    ps.setString(9, a.note());
                    ps.setString(10, a.recordedBy());
                    ps.setTimestamp(11, Timestamp.from(a.recordedAt()));
                }, ActualStore::row).get(0);
    }

    /** The latest actual of every subject of a kind as of {@code upTo} ({@code null} = latest). */
    public List<ActualRow> latestUpTo(String kind, YearMonth upTo) {
        return Sql.query(jdbc, "SELECT DISTINCT ON (subject_id) " + COLUMNS + " FROM actual_value WHERE kind = ? "
                + "AND (?::date IS NULL OR month <= ?) ORDER BY subject_id, month DESC, revision DESC", ps -> {
            ps.setString(1, kind);
            ps.setDate(2, upTo == null ? null : ReportStore.date(upTo));
            ps.setDate(3, upTo == null ? null : ReportStore.date(upTo));
        }, ActualStore::row);
    }

    static ActualRow row(ResultSet rs) throws SQLException {
        return new ActualRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                YearMonth.from(rs.getDate(5).toLocalDate()), rs.getInt(6), rs.getBigDecimal(7).stripTrailingZeros(),
                rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant());
    }
}
