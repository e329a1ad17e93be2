package cn.gov.qinghai.dibao.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code dibao_case}. JSON columns hold protobuf JSON (household, explanation, medical checks), read as their
 * text; {@link CaseRepository} writes them with a cast to jsonb. The simulation facts (V5) are not mapped: only
 * {@link CaseRepository#recordFacts} writes them and only {@link CaseloadSimulationQuery} reads them.
 */
@MappedEntity("dibao_case")
public record CaseRow(
        @Id @GeneratedValue long id,
        String requestId,
        String payloadHash,
        String county,
        String township,
        String headIdNumber,
        String headName,
        int householdSize,
        @MappedProperty("household") String householdJson,
        String status,
        long version,
        @Nullable String classification,
        @Nullable BigDecimal monthlyGap,
        @Nullable BigDecimal monthlyAllowances,
        @Nullable BigDecimal monthlyTotal,
        @Nullable @MappedProperty("explanation") String explanationJson,
        @Nullable @MappedProperty("medical_checks") String medicalChecksJson,
        Instant submittedAt,
        @Nullable Instant approvedAt,
        @Nullable LocalDate firstPaidMonth,
        @Nullable String exitReason,
        @Nullable LocalDate exitDate,
        @Nullable Integer retentionMonths,
        @Nullable LocalDate lastPaidMonth) {}
