package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@link IntakeReportRepository} cannot express well: the case events a monthly intake report (青政办〔2017〕86号
 * 二(五)) is compiled from — a set-based join of {@code case_history} and {@code dibao_case} into report rows.
 * Callers hold the transaction.
 */
@Singleton
public class IntakeReportStore {

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
}
