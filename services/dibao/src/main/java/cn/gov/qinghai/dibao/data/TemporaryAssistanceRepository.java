package cn.gov.qinghai.dibao.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Temporary assistance grants: insert and read only, matching the table's append-only trigger. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TemporaryAssistanceRepository extends GenericRepository<TemporaryAssistanceRow, Long> {

    Optional<TemporaryAssistanceRow> findByRequestId(String requestId);

    /**
     * Inserts a grant and returns its id; null when a concurrent request with the same request id inserted first
     * (ON CONFLICT DO NOTHING, so the transaction stays usable for re-reading the winner).
     */
    @Query("""
            INSERT INTO temporary_assistance (request_id, payload_hash, county, township, beneficiary_name,
                beneficiary_id_number, amount, reason, approval_level, approval_limit, entrustment, approved_by,
                approved_at)
            VALUES (:requestId, :payloadHash, :county, :township, :beneficiaryName, :beneficiaryIdNumber, :amount,
                :reason, :approvalLevel, :approvalLimit, :entrustment, :approvedBy, :approvedAt)
            ON CONFLICT (request_id) DO NOTHING RETURNING id""")
    @Nullable
    Long insert(
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
            Instant approvedAt);
}
