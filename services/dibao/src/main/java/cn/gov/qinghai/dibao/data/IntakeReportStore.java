package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for the monthly intake reports (青政办〔2017〕86号 二(五)). Callers hold the transaction. */
@Singleton
public class IntakeReportStore {

    static final String COLUMNS = "id, county, township, month, status, version, revision, contents::text, "
            + "request_id, submitted_by, submitted_at, approved_by, filed_at";

    /** A row of {@code intake_report}. */
    public record Row(
            long id,
            String county,
            String township,
            LocalDate month,
            String status,
            long version,
            int revision,
            String contentsJson,
            String requestId,
            String submittedBy,
            Instant submittedAt,
            String approvedBy,
            Instant filedAt) {

        static Row map(ResultSet rs) throws SQLException {
            OffsetDateTime filed = rs.getObject(13, OffsetDateTime.class);
            return new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    rs.getLong(6),
                    rs.getInt(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getObject(11, OffsetDateTime.class).toInstant(),
                    rs.getString(12),
                    filed == null ? null : filed.toInstant());
        }
    }

    /** One case event of a month in a township, for compiling a report. */
    public record Event(
            long caseId,
            String headName,
            String headIdNumber,
            int householdSize,
            String action,
            String toStatus,
            Instant at,
            String classification,
            java.math.BigDecimal monthlyTotal,
            String note) {}

    private final Sql db;

    public IntakeReportStore(Sql db) {
        this.db = db;
    }

    public Optional<Row> byId(long id) {
        return db.one("SELECT " + COLUMNS + " FROM intake_report WHERE id = ?", Row::map, id);
    }

    public Optional<Row> byKey(String county, String township, LocalDate month) {
        return db.one(
                "SELECT " + COLUMNS + " FROM intake_report WHERE county = ? AND township = ? AND month = ?",
                Row::map,
                county,
                township,
                month);
    }

    /** The report and payload hash of an earlier submission with this request id. */
    public Optional<String[]> submission(String requestId) {
        return db.one(
                "SELECT report_id, payload_hash FROM intake_report_submission WHERE request_id = ?",
                rs -> new String[] {String.valueOf(rs.getLong(1)), rs.getString(2)},
                requestId);
    }

    /** Case events of the township in [from, to), in case and history order (set-based, one statement). */
    public List<Event> events(String county, String township, Instant from, Instant to) {
        return db.list(
                "SELECT c.id, c.head_name, c.head_id_number, c.household_size, h.action, h.to_status, h.at, "
                        + "c.classification, c.monthly_total, h.note FROM case_history h JOIN dibao_case c "
                        + "ON c.id = h.case_id WHERE c.county = ? AND c.township = ? AND h.at >= ? AND h.at < ? "
                        + "ORDER BY h.case_id, h.sequence",
                rs -> new Event(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getString(8),
                        rs.getBigDecimal(9),
                        rs.getString(10)),
                county,
                township,
                from,
                to);
    }

    /** Inserts a first submission; empty when a concurrent one for the same key won. */
    public Optional<Long> insert(
            String county,
            String township,
            LocalDate month,
            String contentsJson,
            String requestId,
            String actor,
            Instant at) {
        return db.one(
                "INSERT INTO intake_report (county, township, month, status, contents, request_id, submitted_by, "
                        + "submitted_at) VALUES (?, ?, ?, 'REPORT_SUBMITTED', ?::jsonb, ?, ?, ?) "
                        + "ON CONFLICT (county, township, month) DO NOTHING RETURNING id",
                rs -> rs.getLong(1),
                county,
                township,
                month,
                contentsJson,
                requestId,
                actor,
                at);
    }

    /** Reports a returned report again; false when its version moved. */
    public boolean resubmit(
            long id, long expectedVersion, String contentsJson, String requestId, String actor, Instant at) {
        return db.update(
                        "UPDATE intake_report SET status = 'REPORT_SUBMITTED', version = version + 1, "
                                + "revision = revision + 1, contents = ?::jsonb, request_id = ?, submitted_by = ?, "
                                + "submitted_at = ? WHERE id = ? AND version = ? AND status = 'REPORT_RETURNED'",
                        contentsJson,
                        requestId,
                        actor,
                        at,
                        id,
                        expectedVersion)
                == 1;
    }

    public void recordSubmission(
            String requestId,
            String payloadHash,
            long reportId,
            int revision,
            String contentsJson,
            String actor,
            Instant at) {
        db.update(
                "INSERT INTO intake_report_submission (request_id, payload_hash, report_id, revision, contents, "
                        + "submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)",
                requestId,
                payloadHash,
                reportId,
                revision,
                contentsJson,
                actor,
                at);
    }

    public boolean file(long id, long expectedVersion, String approver, Instant at) {
        return db.update(
                        "UPDATE intake_report SET status = 'REPORT_FILED', version = version + 1, approved_by = ?, "
                                + "filed_at = ? WHERE id = ? AND version = ? AND status = 'REPORT_SUBMITTED'",
                        approver,
                        at,
                        id,
                        expectedVersion)
                == 1;
    }

    public boolean returnToTownship(long id, long expectedVersion) {
        return db.update(
                        "UPDATE intake_report SET status = 'REPORT_RETURNED', version = version + 1 "
                                + "WHERE id = ? AND version = ? AND status = 'REPORT_SUBMITTED'",
                        id,
                        expectedVersion)
                == 1;
    }

    public void appendHistory(
            long reportId, String action, String from, String to, String actor, Instant at, String note) {
        db.update(
                "INSERT INTO intake_report_history (report_id, sequence, action, from_status, to_status, actor, at, "
                        + "note) VALUES (?, (SELECT coalesce(max(sequence), 0) + 1 FROM intake_report_history "
                        + "WHERE report_id = ?), ?, ?, ?, ?, ?, ?)",
                reportId,
                reportId,
                action,
                from,
                to,
                actor,
                at,
                note == null ? "" : note);
    }

    public List<HistoryRow> history(long reportId) {
        return db.list(
                "SELECT sequence, action, from_status, to_status, actor, at, note FROM intake_report_history "
                        + "WHERE report_id = ? ORDER BY sequence",
                HistoryRow::map,
                reportId);
    }

    /** Reports of a county, newest month first; {@code filedOnly} for the poverty office. */
    public List<Row> list(String county, LocalDate month, String status, boolean filedOnly, int offset, int limit) {
        return db.list(
                "SELECT " + COLUMNS + " FROM intake_report WHERE county = ? "
                        + "AND (?::date IS NULL OR month = ?::date) AND (? = '' OR status = ?) "
                        + "AND (NOT ? OR status = 'REPORT_FILED') ORDER BY month DESC, township, id OFFSET ? LIMIT ?",
                Row::map,
                county,
                month,
                month,
                status,
                status,
                filedOnly,
                offset,
                limit);
    }

    public int count(String county, LocalDate month, String status, boolean filedOnly) {
        return db.one(
                        "SELECT count(*) FROM intake_report WHERE county = ? AND (?::date IS NULL OR month = ?::date) "
                                + "AND (? = '' OR status = ?) AND (NOT ? OR status = 'REPORT_FILED')",
                        rs -> rs.getInt(1),
                        county,
                        month,
                        month,
                        status,
                        status,
                        filedOnly)
                .orElse(0);
    }
}
