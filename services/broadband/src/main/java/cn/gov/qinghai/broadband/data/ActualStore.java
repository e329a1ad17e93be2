package cn.gov.qinghai.broadband.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** SQL over {@code actual_value}. Callers own the transaction. */
@Singleton
public class ActualStore {

    public static final String INDICATOR = "INDICATOR";
    public static final String CONSUMPTION = "CONSUMPTION";
    private static final String COLUMNS =
            "id, request_id, kind, subject_id, month, revision, value, note, " + "recorded_by, recorded_at";

    private final Sql sql;

    public ActualStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<ActualRow> byRequestId(String requestId) {
        return sql.one("SELECT " + COLUMNS + " FROM actual_value WHERE request_id = ?", ActualStore::row, requestId);
    }

    public ActualRow insert(ActualRow a) {
        SeedLoader.lock(sql, SeedLoader.LOCK_NAMESPACE + 2, (a.kind() + a.subjectId()).hashCode());
        return sql.one(
                        "INSERT INTO actual_value (request_id, kind, subject_id, month, revision, value, note, "
                                + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(revision), 0) + 1 FROM "
                                + "actual_value WHERE kind = ? AND subject_id = ? AND month = ?), ?, ?, ?, ?) RETURNING "
                                + COLUMNS,
                        ActualStore::row,
                        a.requestId(),
                        a.kind(),
                        a.subjectId(),
                        ReportStore.date(a.month()),
                        a.kind(),
                        a.subjectId(),
                        ReportStore.date(a.month()),
                        a.value(),
                        a.note(),
                        a.recordedBy(),
                        a.recordedAt())
                .orElseThrow();
    }

    /** The latest actual of every subject of a kind as of {@code upTo} ({@code null} = latest). */
    public List<ActualRow> latestUpTo(String kind, YearMonth upTo) {
        LocalDate day = upTo == null ? null : ReportStore.date(upTo);
        return sql.list(
                "SELECT DISTINCT ON (subject_id) " + COLUMNS + " FROM actual_value WHERE kind = ? "
                        + "AND (?::date IS NULL OR month <= ?) ORDER BY subject_id, month DESC, revision DESC",
                ActualStore::row,
                kind,
                day,
                day);
    }

    static ActualRow row(ResultSet rs) throws SQLException {
        return new ActualRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                YearMonth.from(rs.getDate(5).toLocalDate()),
                rs.getInt(6),
                rs.getBigDecimal(7).stripTrailingZeros(),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }
}
