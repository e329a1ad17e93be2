package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDate;

/** The key of {@code monthly_report}: the enterprise and the first day of the month reported. */
@Embeddable
public record MonthlyReportKey(
        @MappedProperty("credit_code") String creditCode,
        @MappedProperty("month") LocalDate month) {}
