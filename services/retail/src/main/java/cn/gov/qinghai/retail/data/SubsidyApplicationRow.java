package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code subsidy_application}: a construction-subsidy application, one per request id; decisions are
 * version-checked updates ({@link SubsidyApplicationRepository#decide}), each with a history row.
 */
@MappedEntity("subsidy_application")
public record SubsidyApplicationRow(
        @Id @GeneratedValue Long id,
        String requestId,
        long servicePointId,
        String applicant,
        BigDecimal constructionCost,
        BigDecimal requestedAmount,
        String description,
        String status,
        @Nullable BigDecimal approvedAmount,
        @Nullable String decisionReason,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        int version,
        String submittedBy,
        Instant submittedAt) {}
