package cn.gov.qinghai.dibao.data;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A row of {@code temporary_assistance}: one approved grant (临时救助). */
public record TemporaryAssistanceRow(
        long id,
        String requestId,
        String payloadHash,
        String county,
        String township,
        String beneficiaryName,
        String beneficiaryIdNumber,
        BigDecimal amount,
        String reason,
        String approvalLevel,
        BigDecimal approvalLimit,
        String approvedBy,
        Instant approvedAt) {

    static final String COLUMNS = "id, request_id, payload_hash, county, township, beneficiary_name, "
            + "beneficiary_id_number, amount, reason, approval_level, approval_limit, approved_by, approved_at";

    static TemporaryAssistanceRow map(ResultSet rs) throws SQLException {
        return new TemporaryAssistanceRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBigDecimal(8),
                rs.getString(9),
                rs.getString(10),
                rs.getBigDecimal(11),
                rs.getString(12),
                rs.getObject(13, OffsetDateTime.class).toInstant());
    }
}
