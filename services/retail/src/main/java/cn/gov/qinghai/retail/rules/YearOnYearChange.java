package cn.gov.qinghai.retail.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Year-on-year change of retail sales (同比, 青政办〔2017〕85号 四(四): 客观、真实、准确反映零售业运行态势):
 * (current − same month of the previous year) / previous, HALF_UP to 4 decimals. No value when the previous
 * month has no report or is zero (a rate from nothing is not a rate).
 */
public final class YearOnYearChange {

    private YearOnYearChange() {}

    public static Optional<BigDecimal> of(BigDecimal current, BigDecimal previousYear) {
        if (previousYear == null || previousYear.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(current.subtract(previousYear).divide(previousYear, 4, RoundingMode.HALF_UP));
    }

    /** online / total, 4 decimals; 0 when total is 0. */
    public static BigDecimal share(BigDecimal part, BigDecimal total) {
        if (total.signum() == 0) {
            return new BigDecimal("0.0000");
        }
        return part.divide(total, 4, RoundingMode.HALF_UP);
    }
}
