package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code monthly_report}: one enterprise's report for one month, never overwritten. */
@MappedEntity("monthly_report")
public record MonthlyReportRow(
        @EmbeddedId MonthlyReportKey key,
        String format,
        String region,
        BigDecimal annualMainBusinessRevenue,
        BigDecimal retailSales,
        BigDecimal onlineSales,
        String submittedBy,
        Instant submittedAt) {}
