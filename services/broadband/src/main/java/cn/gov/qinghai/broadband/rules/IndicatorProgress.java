package cn.gov.qinghai.broadband.rules;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.Citation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Progress of an indicator toward its 2017 target, in the indicator's direction.
 *
 * <p>附件4 indicators (2017年青海省宽带发展目标, 实施方案 一(二): "新增10万户，达到110万户") are higher-is-better: the share
 * of the planned increase achieved, {@code (actual − value2016) / (target2017 − value2016) × 100}, HALF_UP to 2
 * decimals; met when {@code actual >= target} (达到…: inclusive). For a keep-level indicator (target equal to the 2016
 * value, e.g. 城市宽带接入能力 20 Mbps) there is no increase to share: progress is {@code actual / target × 100},
 * capped at 100 (decision: keeping the level is the goal).
 *
 * <p>The 实施方案 一(三) speed indicators carry a direction: download rates "达到15Mbit/s以上，同比提高45%以上" are
 * higher-is-better, first-screen time "0.8秒以下，同比缩短35%以上" is LOWER-is-better — met when {@code actual <= target}
 * (以下: inclusive). The same formula with a 2016 value measures progress in either direction (a fall in time is
 * progress). Without a 2016 value (the seed gives none) progress is the share of the absolute target reached,
 * {@code actual / target} (higher) or {@code target / actual} (lower), × 100. A year-on-year target (同比…以上,
 * inclusive) is checked when the 2016 value is known and is then also required for "met".
 */
public final class IndicatorProgress {

    /** Which way an indicator improves. */
    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER
    }

    /**
     * @param percent          progress in percent (2 decimals), may be negative or above 100
     * @param met              the target (and the year-on-year target, when checked) is reached, in the direction
     * @param yearOnYearChange improvement over 2016 as a fraction (4 decimals), in the direction; empty when not known
     */
    public record Result(String percent, boolean met, String yearOnYearChange, Explanation explanation) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IndicatorProgress() {}

    /** A 附件4 indicator: higher is better, 2016 value known, no year-on-year target. */
    public static Result of(String name, BigDecimal value2016, BigDecimal target, BigDecimal actual, String unit) {
        return of(
                name,
                value2016,
                target,
                actual,
                unit,
                Direction.HIGHER_IS_BETTER,
                null,
                Citation.of("青政办〔2017〕93号", "附件4 2017年青海省宽带发展目标; 实施方案 一(二)"));
    }

    /**
     * An indicator with a direction; {@code value2016} and {@code yearOnYearTarget} may be {@code null} (unknown /
     * none). {@code yearOnYearTarget} is the least improvement over 2016 as a fraction (0.45 = 45%), inclusive.
     */
    public static Result of(
            String name,
            BigDecimal value2016,
            BigDecimal target,
            BigDecimal actual,
            String unit,
            Direction direction,
            BigDecimal yearOnYearTarget,
            Citation cite) {
        ExplanationBuilder why = new ExplanationBuilder();
        boolean lower = direction == Direction.LOWER_IS_BETTER;
        boolean absoluteMet = lower ? actual.compareTo(target) <= 0 : actual.compareTo(target) >= 0;
        why.step(name + " 目标 / target (" + (lower ? "lower is better, 以下" : "higher is better, 以上") + ")")
                .formula(
                        lower
                                ? "met when actual <= target2017 (inclusive)"
                                : "met when actual >= target2017 (inclusive)")
                .input("actual (" + unit + ")", actual)
                .input("target2017", target)
                .result(absoluteMet)
                .cite(cite)
                .add();
        BigDecimal percent;
        if (value2016 != null && target.compareTo(value2016) != 0) {
            percent = actual.subtract(value2016)
                    .multiply(HUNDRED)
                    .divide(target.subtract(value2016), 2, RoundingMode.HALF_UP);
            why.step(name + " 目标完成进度 / progress toward the 2017 target")
                    .formula("progress = (actual − value2016) / (target2017 − value2016) × 100")
                    .input("actual (" + unit + ")", actual)
                    .input("value2016", value2016)
                    .input("target2017", target)
                    .result(percent.toPlainString() + " %")
                    .cite(cite)
                    .add();
        } else if (value2016 != null) {
            BigDecimal raw =
                    target.signum() == 0 ? HUNDRED : actual.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
            percent = raw.min(new BigDecimal("100.00")).setScale(2, RoundingMode.HALF_UP);
            why.step(name + " 保持水平 / keep-level indicator")
                    .formula("progress = min(100, actual / target2017 × 100)  (target2017 = value2016)")
                    .input("actual (" + unit + ")", actual)
                    .input("target2017", target)
                    .result(percent.toPlainString() + " %")
                    .cite(cite)
                    .add();
            why.caveat(
                    "The 2017 target equals the 2016 value: progress measures keeping the level. / 目标值与2016年相同，按保持水平计。");
        } else {
            boolean undefined = lower ? actual.signum() == 0 : target.signum() == 0;
            percent = undefined
                    ? HUNDRED.setScale(2)
                    : lower
                            ? target.multiply(HUNDRED).divide(actual, 2, RoundingMode.HALF_UP)
                            : actual.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
            why.step(name + " 达到目标的比例 / share of the target reached")
                    .formula(
                            lower
                                    ? "progress = target2017 / actual × 100 (lower is better)"
                                    : "progress = actual / target2017 × 100")
                    .input("actual (" + unit + ")", actual)
                    .input("target2017", target)
                    .result(percent.toPlainString() + " %")
                    .cite(cite)
                    .add();
            why.caveat("文件未给出2016年值：进度按达到绝对目标的比例计，未核对同比目标。 / The documents give no 2016 value: progress"
                    + " is the share of the absolute target reached and the year-on-year target is not checked.");
        }
        String change = "";
        boolean yearOnYearMet = true;
        if (yearOnYearTarget != null && value2016 != null && value2016.signum() != 0) {
            BigDecimal improvement = (lower ? value2016.subtract(actual) : actual.subtract(value2016))
                    .divide(value2016, 4, RoundingMode.HALF_UP);
            yearOnYearMet = improvement.compareTo(yearOnYearTarget) >= 0;
            change = improvement.toPlainString();
            why.step(name + " 同比 / year on year")
                    .formula((lower
                                    ? "shortening = (value2016 − actual) / value2016"
                                    : "increase = (actual − value2016) / value2016")
                            + "; met when >= yearOnYearTarget (以上: inclusive)")
                    .input("actual", actual)
                    .input("value2016", value2016)
                    .input("yearOnYearTarget", yearOnYearTarget)
                    .result(change + (yearOnYearMet ? " → met" : " → not met"))
                    .cite(cite)
                    .add();
        }
        return new Result(percent.toPlainString(), absoluteMet && yearOnYearMet, change, why.build());
    }
}
