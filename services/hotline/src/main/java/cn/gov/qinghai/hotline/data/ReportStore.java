package cn.gov.qinghai.hotline.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * The supervision figures (96号 三(三) 季度通报、年度考核) as two set-based queries over the period's tickets: one
 * scan grouped by prefecture and agency with a grand total (GROUPING SETS), one for volumes by channel and category
 * (tickets plus emergency referrals). Nothing is computed row by row in Java.
 */
@Singleton
public class ReportStore {

    /** Counts of one prefecture and agency; {@code total} marks the grand-total row. */
    public record AgencyCounts(
            boolean total,
            String prefecture,
            String agencyId,
            long received,
            long resolved,
            long onTime,
            long feedback,
            long satisfied,
            long reopened,
            long closed,
            long overdueOpen) {}

    /** Count of one prefecture, channel and category. */
    public record Volume(String prefecture, String channel, String categoryCode, long count) {}

    private final Sql sql;

    public ReportStore(Sql sql) {
        this.sql = sql;
    }

    public List<AgencyCounts> agencies(String prefecture, Instant from, Instant to, Instant now) {
        return sql.list(
                "SELECT GROUPING(prefecture, agency_id) <> 0, prefecture, COALESCE(agency_id, ''), "
                        + "COUNT(*), COUNT(*) FILTER (WHERE resolved_at IS NOT NULL), COUNT(*) FILTER (WHERE resolved_on_time), "
                        + "COUNT(*) FILTER (WHERE feedback <> 'FEEDBACK_UNSPECIFIED'), "
                        + "COUNT(*) FILTER (WHERE feedback = 'SATISFIED'), COUNT(*) FILTER (WHERE reopen_count > 0), "
                        + "COUNT(*) FILTER (WHERE closed_at IS NOT NULL), "
                        + "COUNT(*) FILTER (WHERE state IN " + TicketStore.OPEN_STATES + " AND (resolve_due_at < ? OR "
                        + "(state = 'ASSIGNED' AND accept_due_at < ?))) "
                        + "FROM ticket WHERE received_at >= ? AND received_at < ? AND (?::text IS NULL OR prefecture = ?) "
                        + "GROUP BY GROUPING SETS ((prefecture, agency_id), ()) "
                        + "ORDER BY 1, 2, 3",
                rs -> new AgencyCounts(
                        rs.getBoolean(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11)),
                now,
                now,
                from,
                to,
                prefecture,
                prefecture);
    }

    public List<Volume> volumes(String prefecture, Instant from, Instant to) {
        return sql.list(
                "SELECT prefecture, channel, category_code, SUM(n) FROM ("
                        + "SELECT prefecture, channel, COALESCE(category_code, '') AS category_code, COUNT(*) AS n FROM ticket "
                        + "WHERE received_at >= ? AND received_at < ? AND (?::text IS NULL OR prefecture = ?) GROUP BY 1, 2, 3 "
                        + "UNION ALL SELECT prefecture, channel, category_code, COUNT(*) FROM emergency_referral "
                        + "WHERE at >= ? AND at < ? AND (?::text IS NULL OR prefecture = ?) GROUP BY 1, 2, 3) v "
                        + "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                rs -> new Volume(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                from,
                to,
                prefecture,
                prefecture,
                from,
                to,
                prefecture,
                prefecture);
    }
}
