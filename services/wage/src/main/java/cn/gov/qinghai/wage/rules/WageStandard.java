package cn.gov.qinghai.wage.rules;

import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.wage.v1.StandardSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One minimum-wage standard as it applies to a region: the monthly (full-time) and hourly (part-time) amounts,
 * from a date, with its citation and origin (policy document parameters or a run-time publication).
 *
 * @param appliesTo     region key the standard was found under (630000 = province-wide)
 * @param effectiveFrom first day in force; {@code null} when the documents do not state it
 * @param publishedBy   token subject of the publisher, for PUBLISHED standards; else empty
 * @param publishedAt   publication time, for PUBLISHED standards; else {@code null}
 */
public record WageStandard(
        String appliesTo,
        LocalDate effectiveFrom,
        boolean startUnknown,
        BigDecimal monthly,
        BigDecimal hourly,
        Citation citation,
        StandardSource source,
        String publishedBy,
        Instant publishedAt) {

    /** Whether this standard starts no later than {@code date} (unknown starts count as "long before"). */
    public boolean startsOnOrBefore(LocalDate date) {
        return effectiveFrom == null || !effectiveFrom.isAfter(date);
    }

    public String effectiveFromText() {
        return effectiveFrom == null ? "" : effectiveFrom.toString();
    }
}
