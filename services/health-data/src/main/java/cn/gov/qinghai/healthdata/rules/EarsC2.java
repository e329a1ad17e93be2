package cn.gov.qinghai.healthdata.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Weekly aberration detection for one county and disease (80号 二(二)6 传染病疫情…预警), after the CDC Early
 * Aberration Reporting System C2 method: with the baseline the {@code baselineWeeks} weekly counts ending
 * {@code lagWeeks} weeks before the evaluated week (the guard band keeps an outbreak's rise out of its own
 * baseline), {@code C2 = (count − mean) / max(sd, minimumSd)} with sd the sample standard deviation; alert when
 * C2 &gt; threshold and count ≥ minimumCount. Zero-tolerance diseases (plague, cholera) alert on one case.
 * Parameters: {@code early_warning.yaml}.
 */
public final class EarsC2 {

    public static final String PARAMETER = "health.early_warning.ears_c2";
    private static final MathContext MC = new MathContext(12, RoundingMode.HALF_UP);

    public enum Method {
        EARS_C2,
        ZERO_TOLERANCE
    }

    /** The outcome for one series; {@code alert} false means nothing to report. */
    public record Result(boolean alert, Method method, long count, BigDecimal mean, BigDecimal sd, BigDecimal c2) {}

    private EarsC2() {}

    public static int baselineWeeks(ParameterValue p) {
        return p.decimal("baselineWeeks").intValueExact();
    }

    public static int lagWeeks(ParameterValue p) {
        return p.decimal("lagWeeks").intValueExact();
    }

    /** Whether the ICD-10 category is zero tolerance, by the parameter's list. */
    public static boolean zeroTolerance(ParameterValue p, String category) {
        return ((java.util.Map<?, ?>) p.asMap().get("zeroTolerance")).containsKey(category);
    }

    /**
     * @param count    cases in the evaluated week
     * @param baseline weekly counts of the baseline weeks, oldest first (length baselineWeeks)
     */
    public static Result evaluate(
            String category, long count, long[] baseline, ParameterValue p, ExplanationBuilder why) {
        if (zeroTolerance(p, category)) {
            boolean alert = count >= 1;
            why.step("零容忍病种 / Zero-tolerance disease")
                    .formula("alert when count ≥ 1 (" + category + " is on the zero-tolerance list)")
                    .input("disease", category)
                    .input("count", count)
                    .parameter(p.field("zeroTolerance"))
                    .result(alert ? "alert" : "no alert")
                    .cite(p.citation())
                    .add();
            return new Result(alert, Method.ZERO_TOLERANCE, count, null, null, null);
        }
        int n = baseline.length;
        BigDecimal sum = BigDecimal.ZERO;
        for (long b : baseline) {
            sum = sum.add(BigDecimal.valueOf(b));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
        BigDecimal squares = BigDecimal.ZERO;
        for (long b : baseline) {
            BigDecimal d = BigDecimal.valueOf(b).subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        BigDecimal sd = n > 1 ? squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC) : BigDecimal.ZERO;
        BigDecimal minimumSd = p.decimal("minimumSd");
        BigDecimal threshold = p.decimal("c2ThresholdExclusive");
        long minimumCount = p.decimal("minimumCountInclusive").longValueExact();
        BigDecimal c2 = BigDecimal.valueOf(count).subtract(mean).divide(sd.max(minimumSd), MC);
        boolean alert = c2.compareTo(threshold) > 0 && count >= minimumCount;
        BigDecimal meanShown = mean.setScale(3, RoundingMode.HALF_UP);
        BigDecimal sdShown = sd.setScale(3, RoundingMode.HALF_UP);
        BigDecimal c2Shown = c2.setScale(3, RoundingMode.HALF_UP);
        why.step("EARS C2 基线 / Baseline")
                .formula("mean and sample sd of the " + n + " weekly counts ending " + lagWeeks(p)
                        + " weeks before the evaluated week")
                .input("baseline", java.util.Arrays.toString(baseline))
                .parameter(p.field("baselineWeeks"))
                .parameter(p.field("lagWeeks"))
                .result("mean " + meanShown + ", sd " + sdShown)
                .cite(p.citation())
                .add();
        why.step("EARS C2 统计量 / Statistic")
                .formula(
                        "C2 = (count − mean) / max(sd, minimumSd); alert when C2 > c2ThresholdExclusive (strictly above) and count ≥ minimumCountInclusive")
                .input("count", count)
                .parameter(p.field("minimumSd"))
                .parameter(p.field("c2ThresholdExclusive"))
                .parameter(p.field("minimumCountInclusive"))
                .result("C2 " + c2Shown + (alert ? " → alert" : " → no alert"))
                .cite(p.citation())
                .add();
        return new Result(alert, Method.EARS_C2, count, meanShown, sdShown, c2Shown);
    }
}
