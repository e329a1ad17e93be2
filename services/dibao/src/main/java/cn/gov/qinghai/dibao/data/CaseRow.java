package cn.gov.qinghai.dibao.data;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of {@code dibao_case}. JSON columns hold protobuf JSON (household, explanation, medical checks). */
public record CaseRow(
        long id,
        String requestId,
        String payloadHash,
        String county,
        String township,
        String headIdNumber,
        String headName,
        int householdSize,
        String householdJson,
        String status,
        long version,
        String classification,
        BigDecimal monthlyGap,
        BigDecimal monthlyAllowances,
        BigDecimal monthlyTotal,
        String explanationJson,
        String medicalChecksJson,
        Instant submittedAt,
        Instant approvedAt,
        LocalDate firstPaidMonth,
        String exitReason,
        LocalDate exitDate,
        Integer retentionMonths,
        LocalDate lastPaidMonth) {

    public static final String COLUMNS = "id, request_id, payload_hash, county, township, head_id_number, head_name, "
            + "household_size, household::text, status, version, classification, monthly_gap, monthly_allowances, "
            + "monthly_total, explanation::text, medical_checks::text, submitted_at, approved_at, first_paid_month, "
            + "exit_reason, exit_date, retention_months, last_paid_month";

    public static CaseRow map(ResultSet rs) throws SQLException {
        return new CaseRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getString(9),
                rs.getString(10),
                rs.getLong(11),
                rs.getString(12),
                rs.getBigDecimal(13),
                rs.getBigDecimal(14),
                rs.getBigDecimal(15),
                rs.getString(16),
                rs.getString(17),
                instant(rs, 18),
                instant(rs, 19),
                rs.getObject(20, LocalDate.class),
                rs.getString(21),
                rs.getObject(22, LocalDate.class),
                (Integer) rs.getObject(23),
                rs.getObject(24, LocalDate.class));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
