package cn.gov.qinghai.broadband.rules;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.Citation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Progress of a 附件4 indicator (2017年青海省宽带发展目标) toward its 2017 target from its 2016 value, as the 实施方案
 * 一(二) states the goals ("新增10万户，达到110万户"): the share of the planned increase achieved,
 * {@code (actual − value2016) / (target2017 − value2016) × 100}, HALF_UP to 2 decimals. For a keep-level indicator
 * (target equal to the 2016 value, e.g. 城市宽带接入能力 20 Mbps) there is no increase to share: progress is
 * {@code actual / target × 100}, capped at 100 (decision: keeping the level is the goal).
 */
public final class IndicatorProgress {

    /** @param percent progress in percent (2 decimals), may be negative or above 100; {@code met} when actual >= target */
    public record Result(String percent, boolean met, Explanation explanation) {
    }

    private IndicatorProgress() {
    }

    public static Result of(String name, BigDecimal value2016, BigDecimal target, BigDecimal actual, String unit) {
        Citation cite = Citation.of("青政办〔2017〕93号", "附件4 2017年青海省宽带发展目标; 实施方案 一(二)");
        ExplanationBuilder why = new ExplanationBuilder();
        boolean met = actual.compareTo(target) >= 0;
        BigDecimal percent;
        BigDecimal increase = target.subtract(value2016);
        if (increase.signum() != 0) {
            percent = actual.subtract(value2016).multiply(BigDecimal.valueOf(100))
                    .divide(increase, 2, RoundingMode.HALF_UP);
            why.step(name + " 目标完成进度 / progress toward the 2017 target")
                    .formula("progress = (actual − value2016) / (target2017 − value2016) × 100")
                    .input("actual (" + unit + ")", actual).input("value2016", value2016)
                    .input("target2017", target).result(percent.toPlainString() + " %").cite(cite).add();
        } else {
            BigDecimal raw = target.signum() == 0 ? BigDecimal.valueOf(100)
                    : actual.multiply(BigDecimal.valueOf(100)).divide(target, 2, RoundingMode.HALF_UP);
            percent = raw.min(new BigDecimal("100.00")).setScale(2, RoundingMode.HALF_UP);
            why.step(name + " 保持水平 / keep-level indicator")
                    .formula("progress = min(100, actual / target2017 × 100)  (target2017 = value2016)")
                    .input("actual (" + unit + ")", actual).input("target2017", target)
                    .result(percent.toPlainString() + " %").cite(cite).add();
            why.caveat("The 2017 target equals the 2016 value: progress measures keeping the level. / 目标值与2016年相同，按保持水平计。");
        }
        return new Result(percent.toPlainString(), met, why.build());
    }
}
