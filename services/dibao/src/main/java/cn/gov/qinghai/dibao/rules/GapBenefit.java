package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import java.math.BigDecimal;

/**
 * Monthly gap benefit (据实补差, 青政办〔2017〕86号 二(三)): "按照家庭人均收入低于低保标准的差额发放低保金". A
 * household is eligible when its per-capita counted income is below the standard ("低于当地保障标准": 低于 excludes the
 * number, so per-capita income equal to the standard is not eligible); the benefit is
 * (standard − per-capita income) × members ÷ 12, computed exactly as (standard × members − counted income) ÷ 12 and
 * rounded HALF_UP to 0.01 only at the end.
 */
public final class GapBenefit {
    private GapBenefit() {}

    /** Per-capita counted income, exact (10 decimal places). */
    public static BigDecimal perCapita(BigDecimal counted, int size) {
        return Money.divide(counted, BigDecimal.valueOf(size));
    }

    public static boolean eligible(BigDecimal perCapita, StandardApplied standard) {
        return perCapita.compareTo(standard.annual()) < 0;
    }

    /**
     * @param counted the assessed household income: counted income less the rigid expenditure deducted (二(二)); the
     *                name keeps the formula's shape
     */
    public static BigDecimal monthly(BigDecimal counted, int size, StandardApplied standard, ExplanationBuilder why) {
        BigDecimal perCapita = perCapita(counted, size);
        boolean eligible = eligible(perCapita, standard);
        BigDecimal monthly = eligible
                ? Money.yuan(Money.divide(
                        standard.annual().multiply(BigDecimal.valueOf(size)).subtract(counted), BigDecimal.valueOf(12)))
                : Money.ZERO;
        why.step("家庭人均收入与资格 / Per-capita income and eligibility")
                .formula("perCapita = assessedIncome ÷ householdSize; eligible when perCapita < standard "
                        + "(低于: strictly below)")
                .input("assessedIncome", Money.plain(counted))
                .input("householdSize", size)
                .input("standard", Money.format(standard.annual()) + " CNY/person/year")
                .result("perCapita " + Money.format(perCapita) + " CNY/year; eligible " + eligible)
                .cite(cn.gov.qinghai.kit.params.Citation.of("青政办〔2017〕86号", "二(二)"))
                .add();
        why.step("差额补助（据实补差） / Monthly gap benefit")
                .formula("monthlyGap = (standard − perCapita) × householdSize ÷ 12 = (standard × size − assessed) ÷ 12,"
                        + " HALF_UP to 0.01; 0 when not eligible")
                .input("standard", Money.format(standard.annual()))
                .input("householdSize", size)
                .input("assessedIncome", Money.plain(counted))
                .result(Money.format(monthly) + " CNY/month")
                .cite(cn.gov.qinghai.kit.params.Citation.of("青政办〔2017〕86号", "二(三)"))
                .add();
        return monthly;
    }
}
