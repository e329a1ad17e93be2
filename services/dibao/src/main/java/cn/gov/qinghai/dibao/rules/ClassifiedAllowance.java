package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Classified allowance (分类施保金, 青政办〔2017〕86号 二(三)): "60岁以上的老年人、重度残疾人、长期卧床病人、单亲家庭和
 * 16岁以下儿童按200元/年（17元/月）增发保障金". 以上 and 以下 both include the number (民法典 第一千二百五十九条), so
 * a person aged exactly 60 or exactly 16 qualifies. The amount (17/month, not 200/12) and who counts are decided in
 * {@code parameters/classified_allowance.yaml}: once per qualifying person, plus once for a single-parent household.
 */
public final class ClassifiedAllowance {
    public static final String KIND = "CLASSIFIED_ALLOWANCE";

    private ClassifiedAllowance() {}

    public static List<AllowanceLine> compute(HouseholdFacts household, ParameterValue p, ExplanationBuilder why) {
        BigDecimal amount = p.decimal("monthlyAmount");
        int elderly = p.decimal("elderlyMinAgeInclusive").intValueExact();
        int childMax = p.decimal("childMaxAgeInclusive").intValueExact();
        Object severe = p.asMap().get("severeDisabilityGrades");
        List<AllowanceLine> lines = new ArrayList<>();
        for (int i = 0; i < household.members().size(); i++) {
            Person m = household.members().get(i);
            List<String> why1 = new ArrayList<>();
            if (m.age() >= elderly) {
                why1.add("aged " + m.age() + " (≥ " + elderly + ")");
            }
            if (m.age() <= childMax) {
                why1.add("child aged " + m.age() + " (≤ " + childMax + ", " + childMax + "岁以下 includes " + childMax
                        + ")");
            }
            if (Grades.contains(severe, m.disabilityGrade())) {
                why1.add("severely disabled, grade " + m.disabilityGrade());
            }
            if (m.bedridden()) {
                why1.add("long-term bedridden");
            }
            if (!why1.isEmpty()) {
                lines.add(new AllowanceLine(KIND, i, amount, String.join("; ", why1)));
            }
        }
        if (household.singleParent()) {
            lines.add(new AllowanceLine(KIND, -1, amount, "single-parent household"));
        }
        BigDecimal total = lines.stream().map(AllowanceLine::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
        why.step("分类施保金 / Classified allowance")
                .formula("amount × (members aged ≥ elderlyMinAgeInclusive (60岁以上), ≤ childMaxAgeInclusive (16岁以下), "
                        + "severely disabled or bedridden, each once)"
                        + " + amount × (1 if single-parent household)")
                .input("qualifying", lines.isEmpty() ? "none" : describe(lines))
                .parameter(p)
                .result(Money.format(total) + " CNY/month")
                .cite(p.citation())
                .add();
        return lines;
    }

    static String describe(List<AllowanceLine> lines) {
        StringBuilder s = new StringBuilder();
        for (AllowanceLine l : lines) {
            s.append(s.length() == 0 ? "" : "; ")
                    .append(l.memberIndex() < 0 ? "household" : "members[" + l.memberIndex() + "]")
                    .append(": ")
                    .append(l.reason())
                    .append(" → ")
                    .append(Money.format(l.monthly()));
        }
        return s.toString();
    }
}
