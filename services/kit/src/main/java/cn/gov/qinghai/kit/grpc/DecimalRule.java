package cn.gov.qinghai.kit.grpc;

import java.math.BigDecimal;

/**
 * Bounds for a decimal input: inclusive/exclusive minimum, inclusive maximum, maximum decimal places.
 * Every decimal input has a maximum, so a huge value is a clear 400 and never an overflow.
 */
public record DecimalRule(BigDecimal min, boolean minExclusive, BigDecimal max, int maxScale) {

    private static final BigDecimal DEFAULT_MAX = new BigDecimal("1000000000000");

    /** {@code >= 0}, at most 2 decimal places, at most 10^12 (money in yuan). */
    public static DecimalRule money() {
        return new DecimalRule(BigDecimal.ZERO, false, DEFAULT_MAX, 2);
    }

    /** {@code > 0}, at most 2 decimal places, at most 10^12. */
    public static DecimalRule positiveMoney() {
        return new DecimalRule(BigDecimal.ZERO, true, DEFAULT_MAX, 2);
    }

    /** {@code 0 <= x <= 1}, up to 6 decimal places (a rate as a fraction). */
    public static DecimalRule rate() {
        return new DecimalRule(BigDecimal.ZERO, false, BigDecimal.ONE, 6);
    }

    public DecimalRule max(String newMax) {
        return new DecimalRule(min, minExclusive, new BigDecimal(newMax), maxScale);
    }

    public DecimalRule positive() {
        return new DecimalRule(BigDecimal.ZERO, true, max, maxScale);
    }

    public DecimalRule scale(int newMaxScale) {
        return new DecimalRule(min, minExclusive, max, newMaxScale);
    }

    /** Why {@code value} breaks the rule, or {@code null}. */
    String problem(BigDecimal value) {
        if (min != null && (minExclusive ? value.compareTo(min) <= 0 : value.compareTo(min) < 0)) {
            return "must be " + (minExclusive ? "greater than " : "at least ") + min.toPlainString();
        }
        if (max != null && value.compareTo(max) > 0) {
            return "must be at most " + max.toPlainString();
        }
        if (Math.max(0, value.stripTrailingZeros().scale()) > maxScale) {
            return "must have at most " + maxScale + " decimal places";
        }
        return null;
    }
}
