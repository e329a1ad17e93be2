package cn.gov.qinghai.retail.rules;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;

/**
 * Whether a retailer is above the statistical threshold (限额以上零售业, 青政办〔2017〕85号 四(四): 加强限额以上零售业
 * 统计监测): annual main-business revenue of the last full year >= the threshold parameter.
 */
public final class AboveThreshold {

    /** Result with explanation. */
    public record Result(boolean above, Explanation explanation) {}

    private AboveThreshold() {}

    public static Result decide(BigDecimal annualRevenue, ParameterValue threshold) {
        boolean above = annualRevenue.compareTo(threshold.decimal()) >= 0;
        Explanation why = new ExplanationBuilder()
                .step("限额以上判定 / Above-threshold test")
                .formula("above = annualMainBusinessRevenue >= threshold")
                .input("annualMainBusinessRevenue", annualRevenue)
                .parameter(threshold)
                .result(above)
                .cite(threshold.citation())
                .add()
                .build();
        return new Result(above, why);
    }
}
