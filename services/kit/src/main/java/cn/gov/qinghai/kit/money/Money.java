package cn.gov.qinghai.kit.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact money in yuan: {@link BigDecimal} everywhere, rounded HALF_UP to 0.01 only at the end of a calculation,
 * and written as plain decimal strings ("1500.00"), never in scientific notation.
 */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {}

    /** Final rounding of an amount in yuan: HALF_UP to 0.01. */
    public static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Rounded to 0.01 and written as a plain decimal string. */
    public static String format(BigDecimal amount) {
        return yuan(amount).toPlainString();
    }

    /** Written as a plain string without rounding or trailing zeros (for rates and inputs): 1.50 → "1.5". */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** max(0, value). */
    public static BigDecimal nonNegative(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }

    /** Division kept exact enough for money: 10 decimal places, HALF_UP; round the final result with yuan(). */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, 10, RoundingMode.HALF_UP);
    }
}
