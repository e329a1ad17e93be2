package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Construction-subsidy applications (versioned, one per request id). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SubsidyApplicationRepository extends GenericRepository<SubsidyApplicationRow, Long> {

    /** Submits the application (status SUBMITTED, version 1): 1, or 0 when its request id was already used. */
    @Query("""
            INSERT INTO subsidy_application (request_id, service_point_id, applicant, construction_cost,
              requested_amount, description, status, version, submitted_by, submitted_at)
            VALUES (:requestId, :servicePointId, :applicant, :constructionCost, :requestedAmount, :description,
                    'SUBMITTED', 1, :submittedBy, :submittedAt)
            ON CONFLICT (request_id) DO NOTHING""")
    int insertIfAbsent(
            String requestId,
            long servicePointId,
            String applicant,
            BigDecimal constructionCost,
            BigDecimal requestedAmount,
            String description,
            String submittedBy,
            Instant submittedAt);

    Optional<SubsidyApplicationRow> findById(Long id);

    Optional<SubsidyApplicationRow> findByRequestId(String requestId);

    /**
     * Records the decision if the application is still at {@code version} (and moves it to the next version): 1,
     * or 0 when another decision got there first.
     */
    @Query("""
            UPDATE subsidy_application SET status = :status, approved_amount = :approvedAmount,
              decision_reason = :reason, decided_by = :decidedBy, decided_at = :decidedAt, version = version + 1
            WHERE id = :id AND version = :version""")
    int decide(
            Long id,
            int version,
            String status,
            @Nullable BigDecimal approvedAmount,
            String reason,
            String decidedBy,
            Instant decidedAt);
}
