package cn.gov.qinghai.enterprisecost.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writing rates (fractions) for people: at least two decimals ("0.10"), no trailing zeros beyond that. */
final class Rates {
    private Rates() {}

    static String format(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    static BigDecimal percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros();
    }
}
