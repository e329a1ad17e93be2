package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.params.Citation;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code county_standard}: a county's dibao standard published at run time (append-only). */
@MappedEntity("county_standard")
public record CountyStandardRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String county,
        LocalDate effectiveFrom,
        BigDecimal annualAmount,
        String citationDocument,
        String citationClause,
        String citationTitle,
        String citationNote,
        String publishedBy,
        Instant publishedAt) {

    public Citation citation() {
        return new Citation(citationDocument, citationClause, citationTitle, citationNote);
    }
}
