package cn.gov.qinghai.broadband.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

    private final Sql sql;

    public ReportStore(Sql sql) {
        this.sql = sql;
    }

    /** Serialises writers of one project's reports until the transaction ends. */
    public void lockProject(long projectId) {
        SeedLoader.lock(sql, SeedLoader.LOCK_NAMESPACE + 1, Long.hashCode(projectId));
    }

    public Optional<ReportRow> byRequestId(String requestId) {
        return one("SELECT " + COLUMNS + " FROM progress_report r WHERE r.request_id = ?", requestId);
    }

    /** The effective report of the month itself. */
    public Optional<ReportRow> effective(long projectId, YearMonth month) {
        return effectiveOf(projectId, "=", "", month);
    }

    /** The effective report of the nearest earlier reported month. */
    public Optional<ReportRow> nearestBefore(long projectId, YearMonth month) {
        return effectiveOf(projectId, "<", "r.month DESC, ", month);
    }

    /** The effective report of the nearest later reported month. */
    public Optional<ReportRow> nearestAfter(long projectId, YearMonth month) {
        return effectiveOf(projectId, ">", "r.month ASC, ", month);
    }

    /** The highest revision among the project's months {@code monthIs} ("=", "<", ">") {@code month}. */
    private Optional<ReportRow> effectiveOf(long projectId, String monthIs, String monthOrder, YearMonth month) {
        return one(
                "SELECT " + COLUMNS + " FROM progress_report r WHERE r.project_id = ? AND r.month " + monthIs
                        + " ? ORDER BY " + monthOrder + "r.revision DESC LIMIT 1",
                projectId,
                MonthColumn.date(month));
    }

    public ReportRow insert(ReportRow r) {
        long id = sql.one(
                        "INSERT INTO progress_report (request_id, project_id, month, revision, "
                                + "cumulative_investment_yuan, status, physical_progress_percent, note, correction_reason, correction, "
                                + "beyond_plan, late, reported_by, reported_at) VALUES (?, ?, ?, "
                                + "(SELECT COALESCE(MAX(revision), 0) + 1 FROM progress_report WHERE project_id = ? AND month = ?), "
                                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        rs -> rs.getLong(1),
                        r.requestId(),
                        r.projectId(),
                        MonthColumn.date(r.month()),
                        r.projectId(),
                        MonthColumn.date(r.month()),
                        r.cumulativeYuan(),
                        r.status(),
                        r.physicalProgressPercent(),
                        r.note(),
                        r.correctionReason(),
                        r.correction(),
                        r.beyondPlan(),
                        r.late(),
                        r.reportedBy(),
                        r.reportedAt())
                .orElseThrow();
        return one("SELECT " + COLUMNS + " FROM progress_report r WHERE r.id = ?", id)
                .orElseThrow();
    }

    /** Reports newest first, filtered by project, month and owner ({@code null}/0 = any); {@code limit+1} rows. */
    public List<ReportRow> list(long projectId, YearMonth month, String owner, int offset, int limit) {
        LocalDate day = month == null ? null : MonthColumn.date(month);
        return sql.list(
                "SELECT " + COLUMNS + " FROM progress_report r JOIN project p ON p.id = r.project_id "
                        + "WHERE (? = 0 OR r.project_id = ?) AND (?::date IS NULL OR r.month = ?) "
                        + "AND (?::text IS NULL OR p.owner = ?) ORDER BY r.reported_at DESC, r.id DESC OFFSET ? LIMIT ?",
                ReportStore::row,
                projectId,
                projectId,
                day,
                day,
                owner,
                owner,
                offset,
                limit);
    }

    /** Every report of one project, oldest month first, revisions ascending. */
    public List<ReportRow> ofProject(long projectId) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM progress_report r WHERE r.project_id = ? "
                        + "ORDER BY r.month, r.revision",
                ReportStore::row,
                projectId);
    }

    /**
     * Each project's effective figure as of {@code upTo} ({@code null} = latest), one set-based query: a lateral
     * top-1 index lookup per project (index progress_report_latest), which stays fast as reports accumulate, where
     * a DISTINCT ON over every report would sort them all.
     */
    public List<LatestFigure> latestUpTo(YearMonth upTo) {
        return sql.list(
                "SELECT p.id, l.month, l.cumulative_investment_yuan, l.status, "
                        + "l.physical_progress_percent FROM project p CROSS JOIN LATERAL (SELECT r.month, "
                        + "r.cumulative_investment_yuan, r.status, r.physical_progress_percent FROM progress_report r "
                        + "WHERE r.project_id = p.id AND r.month <= COALESCE(?::date, 'infinity'::date) "
                        + "ORDER BY r.month DESC, r.revision DESC LIMIT 1) l",
                ReportStore::latest,
                upTo == null ? null : MonthColumn.date(upTo));
    }

    /** The latest figure of just these projects (a page of the project list). */
    public List<LatestFigure> latestOf(List<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return sql.list(
                "SELECT p.id, l.month, l.cumulative_investment_yuan, l.status, "
                        + "l.physical_progress_percent FROM project p CROSS JOIN LATERAL (SELECT r.month, "
                        + "r.cumulative_investment_yuan, r.status, r.physical_progress_percent FROM progress_report r "
                        + "WHERE r.project_id = p.id ORDER BY r.month DESC, r.revision DESC LIMIT 1) l "
                        + "WHERE p.id = ANY(?::bigint[])",
                ReportStore::latest,
                (Object) projectIds.stream().map(String::valueOf).toArray(String[]::new));
    }

    /** Which project-months in [from, to] have a report, with the lateness of the first one. */
    public List<MonthFlag> reportedMonths(YearMonth from, YearMonth to) {
        return sql.list(
                "SELECT project_id, month, late FROM progress_report WHERE revision = 1 " + "AND month BETWEEN ? AND ?",
                rs -> new MonthFlag(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBoolean(3)),
                MonthColumn.date(from),
                MonthColumn.date(to));
    }

    private Optional<ReportRow> one(String query, Object... args) {
        return sql.one(query, ReportStore::row, args);
    }

    private static LatestFigure latest(ResultSet rs) throws SQLException {
        return new LatestFigure(
                rs.getLong(1),
                YearMonth.from(rs.getDate(2).toLocalDate()),
                rs.getBigDecimal(3),
                rs.getString(4),
                rs.getBigDecimal(5));
    }

    static ReportRow row(ResultSet rs) throws SQLException {
        return new ReportRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                YearMonth.from(rs.getDate(4).toLocalDate()),
                rs.getInt(5),
                rs.getBigDecimal(6),
                rs.getString(7),
                rs.getBigDecimal(8),
                rs.getString(9),
                rs.getString(10),
                rs.getBoolean(11),
                rs.getBoolean(12),
                rs.getBoolean(13),
                rs.getString(14),
                rs.getTimestamp(15).toInstant(),
                rs.getBoolean(16));
    }
}
