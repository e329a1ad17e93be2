package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.params.ParameterValue;

/**
 * Continued guarantee after exit (青政办〔2017〕86号 二(五)): "残疾人实现脱贫的，各地可根据实情继续享受6—12个月的低保救助".
 * "6—12个月" is a range with both ends included, so 6 and 12 are allowed, 5 and 13 are not; 0 means none ("可").
 * The bounds live in {@code parameters/exit_retention.yaml}.
 */
public final class ExitRetention {
    private ExitRetention() {}

    public static int min(ParameterValue p) {
        return p.decimal("minMonthsInclusive").intValueExact();
    }

    public static int max(ParameterValue p) {
        return p.decimal("maxMonthsInclusive").intValueExact();
    }

    /** Whether {@code months} is 0 (no retention) or within min..max, both inclusive. */
    public static boolean allowed(int months, ParameterValue p) {
        return months == 0 || (months >= min(p) && months <= max(p));
    }
}
