package cn.gov.qinghai.broadband.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Completion rate of investment for the monthly publication (实施方案 四(四)) against the plan of 附件2/附件3:
 * {@code actual / planned × 100}, in percent, HALF_UP to 2 decimals, computed once from exact sums. A plan of zero
 * has no rate (empty).
 */
public final class CompletionRate {
    private CompletionRate() {}

    public static String percent(BigDecimal actual, BigDecimal planned) {
        if (planned == null || planned.signum() == 0) {
            return "";
        }
        return actual.multiply(BigDecimal.valueOf(100))
                .divide(planned, 2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
