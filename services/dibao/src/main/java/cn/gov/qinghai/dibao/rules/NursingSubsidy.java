package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Severe-disability nursing subsidy (重度残疾人护理补贴, 青政办〔2017〕86号 二(三)): "重度残疾人按照每人每月100元标准
 * 发放护理补贴" — grade 1 or 2, no income condition.
 */
public final class NursingSubsidy {
    public static final String KIND = "SEVERE_DISABILITY_NURSING_SUBSIDY";

    private NursingSubsidy() {}

    public static List<AllowanceLine> compute(HouseholdFacts household, ParameterValue p, ExplanationBuilder why) {
        List<AllowanceLine> lines = new ArrayList<>();
        for (int i = 0; i < household.members().size(); i++) {
            Person m = household.members().get(i);
            if (Grades.contains(p.asMap().get("grades"), m.disabilityGrade())) {
                lines.add(new AllowanceLine(
                        KIND, i, p.decimal("monthly"), "severely disabled, grade " + m.disabilityGrade()));
            }
        }
        BigDecimal total = lines.stream().map(AllowanceLine::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
        why.step("重度残疾人护理补贴 / Severe-disability nursing subsidy")
                .formula("monthly × severely disabled members (grade 1–2)")
                .input("qualifying", lines.isEmpty() ? "none" : ClassifiedAllowance.describe(lines))
                .parameter(p)
                .result(Money.format(total) + " CNY/month")
                .cite(p.citation())
                .add();
        return lines;
    }
}
