package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** SQL for {@code temporary_assistance} grants. Callers hold the transaction. */
@Singleton
public class TemporaryAssistanceStore {

    private final Sql db;

    public TemporaryAssistanceStore(Sql db) {
        this.db = db;
    }

    public Optional<TemporaryAssistanceRow> byRequestId(String requestId) {
        return db.one(
                "SELECT " + TemporaryAssistanceRow.COLUMNS + " FROM temporary_assistance WHERE request_id = ?",
                TemporaryAssistanceRow::map,
                requestId);
    }

    /** Inserts a grant; empty when a concurrent request with the same request id inserted first. */
    public Optional<Long> insert(
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
            String entrustment,
            String approvedBy,
            Instant approvedAt) {
        return db.one(
                "INSERT INTO temporary_assistance (request_id, payload_hash, county, township, "
                        + "beneficiary_name, beneficiary_id_number, amount, reason, approval_level, approval_limit, "
                        + "entrustment, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (request_id) DO NOTHING RETURNING id",
                rs -> rs.getLong(1),
                requestId,
                payloadHash,
                county,
                township,
                beneficiaryName,
                beneficiaryIdNumber,
                amount,
                reason,
                approvalLevel,
                approvalLimit,
                entrustment,
                approvedBy,
                approvedAt);
    }
}
