package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import java.util.List;

/**
 * The what-if answer as rows for a side-by-side table: each figure of the estimate under the law as it is and under
 * the changed value, with whether it differs. Labels and units are the page's ({@code dibao.*} keys); eligibility
 * is a yes/no the template says in words.
 */
public final class EstimateComparison {

    /** One figure: its label key, unit key (may be empty), both values, and whether the what-if changed it. */
    public record Row(String labelKey, String unitKey, String baseline, String reform, boolean changed) {}

    private EstimateComparison() {}

    static List<Row> rows(BenefitEstimate baseline, BenefitEstimate reform) {
        return List.of(
                row("dibao.eligible", "", String.valueOf(baseline.getEligible()), String.valueOf(reform.getEligible())),
                row(
                        "dibao.annualStandard",
                        "dibao.unit.personYear",
                        baseline.getAnnualStandard(),
                        reform.getAnnualStandard()),
                row(
                        "dibao.rigidDeducted",
                        "dibao.unit.year",
                        baseline.getRigidExpenditureDeducted(),
                        reform.getRigidExpenditureDeducted()),
                row(
                        "dibao.perCapita",
                        "dibao.unit.personYear",
                        baseline.getPerCapitaAnnualIncome(),
                        reform.getPerCapitaAnnualIncome()),
                row("dibao.gap", "dibao.unit.month", baseline.getMonthlyGapBenefit(), reform.getMonthlyGapBenefit()),
                row(
                        "dibao.allowances",
                        "dibao.unit.month",
                        baseline.getMonthlyAllowances(),
                        reform.getMonthlyAllowances()),
                row("dibao.total", "dibao.unit.month", baseline.getMonthlyTotal(), reform.getMonthlyTotal()));
    }

    private static Row row(String label, String unit, String baseline, String reform) {
        return new Row(label, unit, baseline, reform, !baseline.equals(reform));
    }
}
