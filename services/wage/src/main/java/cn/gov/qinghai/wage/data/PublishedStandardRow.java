package cn.gov.qinghai.wage.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code published_standard}: a standard published at run time (append-only). */
@MappedEntity("published_standard")
public record PublishedStandardRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String region,
        LocalDate effectiveFrom,
        BigDecimal monthly,
        BigDecimal hourly,
        String citationDocument,
        String citationClause,
        String citationTitle,
        String citationNote,
        String publishedBy,
        Instant publishedAt) {}
