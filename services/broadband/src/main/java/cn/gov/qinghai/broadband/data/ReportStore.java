package cn.gov.qinghai.broadband.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * SQL over {@code progress_report}. Callers own the transaction (the service methods are {@code @Transactional}).
 * The effective report of a project-month is its highest revision.
 */
@Singleton
public class ReportStore {

    private static final String COLUMNS = "r.id, r.request_id, r.project_id, r.month, r.revision, "
            + "r.cumulative_investment_yuan, r.status, r.physical_progress_percent, r.note, r.correction_reason, "
            + "r.correction, r.beyond_plan, r.late, r.reported_by, r.reported_at, "
            + "EXISTS (SELECT 1 FROM progress_report n WHERE n.project_id = r.project_id AND n.month = r.month "
            + "AND n.revision > r.revision) AS superseded";

    private final JdbcOperations jdbc;

    public ReportStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises writers of one project's reports until the transaction ends. */
    public void lockProject(long projectId) {
        Sql.lock(jdbc, SeedLoader.LOCK_NAMESPACE + 1, Long.hashCode(projectId));
    }

    public Optional<ReportRow> byRequestId(String requestId) {
        return one("SELECT " + COLUMNS + " FROM progress_report r WHERE r.request_id = ?",
                ps -> ps.setString(1, requestId));
    }

    /** The effective report of the month itself. */
    public Optional<ReportRow> effective(long projectId, YearMonth month) {
        return one("SELECT " + COLUMNS + " FROM progress_report r WHERE r.project_id = ? AND r.month = ? "
                + "ORDER BY r.revision DESC LIMIT 1", ps -> {
            ps.setLong(1, projectId);
            ps.setDate(2, date(month));
        });
    }

    /** The effective report of the nearest earlier reported month. */
    public Optional<ReportRow> nearestBefore(long projectId, YearMonth month) {
        return one("SELECT " + COLUMNS + " FROM progress_report r WHERE r.project_id = ? AND r.month < ? "
                + "ORDER BY r.month DESC, r.revision DESC LIMIT 1", ps -> {
            ps.setLong(1, projectId);
            ps.setDate(2, date(month));
        });
    }

    /** The effective report of the nearest later reported month. */
    public Optional<ReportRow> nearestAfter(long projectId, YearMonth month) {
        return one("SELECT " + COLUMNS + " FROM progress_report r WHERE r.project_id = ? AND r.month > ? "
                + "ORDER BY r.month ASC, r.revision DESC LIMIT 1", ps -> {
            ps.setLong(1, projectId);
            ps.setDate(2, date(month));
        });
    }

    public ReportRow insert(ReportRow r) {
        long id = jdbc.prepareStatement("INSERT INTO progress_report (request_id, project_id, month, revision, "
                + "cumulative_investment_yuan, status, physical_progress_percent, note, correction_reason, correction, "
                + "beyond_plan, late, reported_by, reported_at) VALUES (?, ?, ?, "
                + "(SELECT COALESCE(MAX(revision), 0) + 1 FROM progress_report WHERE project_id = ? AND month = ?), "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
            ps.setString(1, r.requestId());
            ps.setLong(2, r.projectId());
            ps.setDate(3, date(r.month()));
            ps.setLong(4, r.projectId());
            ps.setDate(5, date(r.month()));
            ps.setBigDecimal(6, r.cumulativeYuan());
            ps.setString(7, r.status());
            ps.setBigDecimal(8, r.physicalProgressPercent());
            ps.setString(9, r.note());
            ps.setString(10, r.correctionReason());
            ps.setBoolean(11, r.correction());
            ps.setBoolean(12, r.beyondPlan());
            ps.setBoolean(13, r.late());
            ps.setString(14, r.reportedBy());
            ps.setTimestamp(15, Timestamp.from(r.reportedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return one("SELECT " + COLUMNS + " FROM progress_report r WHERE r.id = ?", ps -> ps.setLong(1, id))
                .orElseThrow();
    }

    /** Reports newest first, filtered by project, month and owner ({@code null}/0 = any); {@code limit+1} rows. */
    public List<ReportRow> list(long projectId, YearMonth month, String owner, int offset, int limit) {
        return Sql.query(jdbc, "SELECT " + COLUMNS + " FROM progress_report r JOIN project p ON p.id = r.project_id "
                + "WHERE (? = 0 OR r.project_id = ?) AND (?::date IS NULL OR r.month = ?) "
                + "AND (?::text IS NULL OR p.owner = ?) ORDER BY r.reported_at DESC, r.id DESC OFFSET ? LIMIT ?", ps -> {
            ps.setLong(1, projectId);
            ps.setLong(2, projectId);
            ps.setDate(3, month == null ? null : date(month));
            ps.setDate(4, month == null ? null : date(month));
            ps.setString(5, owner);
            ps.setString(6, owner);
            ps.setInt(7, offset);
            ps.setInt(8, limit);
        }, ReportStore::row);
    }

    /** Every report of one project, oldest month first, revisions ascending. */
    public List<ReportRow> ofProject(long projectId) {
        return Sql.query(jdbc, "SELECT " + COLUMNS + " FROM progress_report r WHERE r.project_id = ? "
                + "ORDER BY r.month, r.revision", ps -> ps.setLong(1, projectId), ReportStore::row);
    }

    /**
     * Each project's effective figure as of {@code upTo} ({@code null} = latest), one set-based query: a lateral
     * top-1 index lookup per project (index progress_report_latest), which stays fast as reports accumulate, where
     * a DISTINCT ON over every report would sort them all.
     */
    public List<LatestFigure> latestUpTo(YearMonth upTo) {
        return Sql.query(jdbc, "SELECT p.id, l.month, l.cumulative_investment_yuan, l.status, "
                + "l.physical_progress_percent FROM project p CROSS JOIN LATERAL (SELECT r.month, "
                + "r.cumulative_investment_yuan, r.status, r.physical_progress_percent FROM progress_report r "
                + "WHERE r.project_id = p.id AND r.month <= COALESCE(?::date, 'infinity'::date) "
                + "ORDER BY r.month DESC, r.revision DESC LIMIT 1) l", ps -> {
            ps.setDate(1, upTo == null ? null : date(upTo));
        }, rs -> new LatestFigure(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3),
                rs.getString(4), rs.getBigDecimal(5)));
    }

    /** The latest figure of just these projects (a page of the project list). */
    public List<LatestFigure> latestOf(List<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return Sql.query(jdbc, "SELECT p.id, l.month, l.cumulative_investment_yuan, l.status, "
                + "l.physical_progress_percent FROM project p CROSS JOIN LATERAL (SELECT r.month, "
                + "r.cumulative_investment_yuan, r.status, r.physical_progress_percent FROM progress_report r "
                + "WHERE r.project_id = p.id ORDER BY r.month DESC, r.revision DESC LIMIT 1) l WHERE p.id = ANY(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", projectIds.toArray())),
                rs -> new LatestFigure(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getBigDecimal(3), rs.getString(4), rs.getBigDecimal(5)));
    }

    /** Which project-months in [from, to] have a report, with the lateness of the first one. */
    public List<MonthFlag> reportedMonths(YearMonth from, YearMonth to) {
        return Sql.query(jdbc, "SELECT project_id, month, late FROM progress_report WHERE revision = 1 "
                + "AND month BETWEEN ? AND ?", ps -> {
            ps.setDate(1, date(from));
            ps.setDate(2, date(to));
        }, rs -> new MonthFlag(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBoolean(3)));
    }

    private Optional<ReportRow> one(String sql, Sql.Binder binder) {
        return Sql.query(jdbc, sql, binder, ReportStore::row).stream().findFirst();
    }

    static Date date(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }

    static ReportRow row(ResultSet rs) throws SQLException {
        return new ReportRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
                YearMonth.from(rs.getDate(4).toLocalDate()), rs.getInt(5), rs.getBigDecimal(6), rs.getString(7),
                rs.getBigDecimal(8), rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getBoolean(12),
                rs.getBoolean(13), rs.getString(14), rs.getTimestamp(15).toInstant(), rs.getBoolean(16));
    }
}
