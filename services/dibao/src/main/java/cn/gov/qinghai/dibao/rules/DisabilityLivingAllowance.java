package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Disability living allowance (残疾人生活补贴, 青政办〔2017〕86号 二(三)): "本人无固定经济收入的一级、二级残疾人按照
 * 每人每月100元标准发放生活补贴，低收入家庭的三、四级残疾人按照每人每月50元标准发放生活补贴". Computed for members
 * of eligible dibao households (a dibao household counts as low-income); see the parameter's decision.
 */
public final class DisabilityLivingAllowance {
    public static final String KIND = "DISABILITY_LIVING_ALLOWANCE";

    private DisabilityLivingAllowance() {}

    public static List<AllowanceLine> compute(HouseholdFacts household, ParameterValue p, ExplanationBuilder why) {
        List<AllowanceLine> lines = new ArrayList<>();
        for (int i = 0; i < household.members().size(); i++) {
            Person m = household.members().get(i);
            if (Grades.contains(p.asMap().get("severeGrades"), m.disabilityGrade())) {
                if (!m.hasFixedIncome()) {
                    lines.add(new AllowanceLine(
                            KIND,
                            i,
                            p.decimal("severeMonthly"),
                            "grade " + m.disabilityGrade() + " without fixed income of their own"));
                }
            } else if (Grades.contains(p.asMap().get("otherGrades"), m.disabilityGrade())) {
                lines.add(new AllowanceLine(
                        KIND,
                        i,
                        p.decimal("otherMonthly"),
                        "grade " + m.disabilityGrade() + " in a low-income (dibao) family"));
            }
        }
        BigDecimal total = lines.stream().map(AllowanceLine::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
        why.step("残疾人生活补贴 / Disability living allowance")
                .formula("grade 1–2 without own fixed income: severeMonthly each; grade 3–4: otherMonthly each")
                .input("qualifying", lines.isEmpty() ? "none" : ClassifiedAllowance.describe(lines))
                .parameter(p)
                .result(Money.format(total) + " CNY/month")
                .cite(p.citation())
                .add();
        return lines;
    }
}
