package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * Medical assistance for the key groups (青政办〔2017〕86号 二(一)): the insurance personal contribution fully paid,
 * and for children "14岁以下" the assistance ratio raised by 10 points with an annual cap of 60,000 yuan. 以下 includes
 * the number (民法典 第一千二百五十九条): a child aged exactly 14 is covered, one aged 15 is not.
 */
public final class MedicalAssistanceRule {
    private MedicalAssistanceRule() {}

    /** What the calculator answers; money rounded to 0.01. */
    public record Result(
            boolean keyGroup,
            BigDecimal contributionSubsidy,
            BigDecimal ratio,
            BigDecimal cap,
            BigDecimal assistance) {}

    public static Result compute(
            String group,
            int age,
            BigDecimal expenses,
            BigDecimal baseRatio,
            BigDecimal paid,
            BigDecimal contribution,
            BigDecimal localCap,
            ParameterValue p,
            ExplanationBuilder why) {
        boolean key = ((List<?>) p.asMap().get("keyGroups")).contains(group);
        if (!key) {
            why.step("重点救助对象 / Key group")
                    .formula("二(一) covers dibao, 特困 and registered poor people only")
                    .input("group", group)
                    .parameter(p)
                    .result("not a key group: nothing under 二(一)")
                    .cite(p.citation())
                    .add();
            return new Result(false, Money.ZERO, baseRatio, null, Money.ZERO);
        }
        BigDecimal subsidy = Money.yuan(contribution.multiply(p.decimal("contributionSubsidyRatio")));
        why.step("资助参保个人缴费 / Insurance contribution subsidy")
                .formula("subsidy = personal contribution × contributionSubsidyRatio (全额资助)")
                .input("insurancePersonalContribution", Money.plain(contribution))
                .parameter(p)
                .result(Money.format(subsidy))
                .cite(p.citation())
                .add();
        int childMax = p.decimal("childMaxAgeInclusive").intValueExact();
        boolean child = age <= childMax;
        BigDecimal ratio =
                child ? baseRatio.add(p.decimal("childRatioIncrease")).min(BigDecimal.ONE) : baseRatio;
        BigDecimal cap = child ? p.decimal("childAnnualCapInclusive") : localCap;
        BigDecimal raw = expenses.multiply(ratio);
        BigDecimal room = cap == null ? null : Money.nonNegative(cap.subtract(paid));
        BigDecimal assistance = Money.yuan(room == null ? raw : raw.min(room));
        why.step("救助金额 / Assistance")
                .formula("ratio = baseRatio (+ childRatioIncrease, at most 1, for a child aged ≤ childMaxAgeInclusive: "
                        + "14岁以下 includes 14); "
                        + "assistance = min(expenses × ratio, annual cap − paid this year)")
                .input("age", age)
                .input("eligibleExpenses", Money.plain(expenses))
                .input("baseRatio", Money.plain(baseRatio))
                .input("paidThisYear", Money.plain(paid))
                .input("cap", cap == null ? "none given" : Money.plain(cap))
                .parameter(p)
                .result("ratio " + Money.plain(ratio) + " → " + Money.format(assistance))
                .cite(p.citation())
                .add();
        return new Result(true, subsidy, ratio, cap, assistance);
    }
}
