package cn.gov.qinghai.dibao.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code temporary_assistance}: one approved grant (临时救助), append-only. The entrustment column is
 * written by {@link TemporaryAssistanceRepository#insert} and never read back.
 */
@MappedEntity("temporary_assistance")
public record TemporaryAssistanceRow(
        @Id @GeneratedValue long id,
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
        Instant approvedAt) {}
