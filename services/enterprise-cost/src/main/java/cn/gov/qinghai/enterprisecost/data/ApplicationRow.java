package cn.gov.qinghai.enterprisecost.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code application}: a subsidy application and its current state. State changes go through the
 * version-checked updates of {@link ApplicationRepository}, each with an {@link ApplicationEventRow}.
 */
@MappedEntity("application")
public record ApplicationRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String kind,
        String calculatorId,
        String enterpriseCreditCode,
        String applicantName,
        String region,
        String inputsJson,
        BigDecimal claimedAmount,
        byte[] explanation,
        String status,
        LocalDate receivedOn,
        LocalDate dueOn,
        boolean dueProvisional,
        @Nullable BigDecimal approvedAmount,
        String decisionNote,
        String decidedBy,
        @Nullable LocalDate decidedOn,
        String submittedBy,
        Instant submittedAt,
        long version) {}
