package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;

/**
 * Expenditure-type poverty (支出型贫困, 青政办〔2017〕86号 二(二)): "考虑家庭成员因残疾、患重病、教育等增加的刚性支出因素，
 * 综合评估家庭贫困程度" and "对农牧区因重大疾病、教育等刚性支出较大造成支出型贫困的家庭纳入农村低保范围". The seed gives
 * no formula; the method decided in {@code parameters/rigid_expenditure.yaml} is: assessed income = max(min,
 * counted income − deductionRatio × Σ members' rigid expenditure). Eligibility and the gap benefit use the assessed
 * income.
 */
public final class RigidExpenditureDeduction {
    private RigidExpenditureDeduction() {}

    /** The deduction and the income left after it, yuan per year (exact). */
    public record Result(BigDecimal deducted, BigDecimal assessedIncome) {}

    public static Result compute(
            HouseholdFacts household, BigDecimal counted, ParameterValue p, ExplanationBuilder why) {
        BigDecimal ratio = p.decimal("deductionRatio");
        BigDecimal min = p.decimal("assessedIncomeMinInclusive");
        BigDecimal declared = BigDecimal.ZERO;
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < household.members().size(); i++) {
            RigidExpenditure r = household.members().get(i).rigid();
            if (!r.any()) {
                continue;
            }
            declared = declared.add(r.total());
            items.append(items.length() == 0 ? "" : "; ")
                    .append("members[")
                    .append(i)
                    .append("]");
            if (r.majorIllness().signum() > 0) {
                items.append(" 重病/major illness ")
                        .append(Money.plain(r.majorIllness()))
                        .append(" (")
                        .append(r.majorIllnessSource())
                        .append(')');
            }
            if (r.education().signum() > 0) {
                items.append(" 教育/education ").append(Money.plain(r.education()));
            }
            if (r.disability().signum() > 0) {
                items.append(" 残疾/disability ").append(Money.plain(r.disability()));
            }
        }
        BigDecimal deducted = declared.multiply(ratio);
        BigDecimal assessed = counted.subtract(deducted).max(min);
        why.step("刚性支出扣减（支出型贫困） / Rigid expenditure deducted (expenditure-type poverty)")
                .formula("assessedIncome = max(assessedIncomeMinInclusive, countedIncome − deductionRatio × Σ rigid "
                        + "expenditure of illness, education and disability) / 核算收入 = 计入收入 − 刚性支出")
                .input("countedIncome", Money.plain(counted))
                .input("rigidExpenditure", Money.plain(declared))
                .input("items", items.length() == 0 ? "none / 无" : items.toString())
                .parameter(p)
                .result("deducted " + Money.format(deducted) + "; assessed income " + Money.format(assessed)
                        + " CNY/year")
                .cite(p.citation())
                .add();
        return new Result(deducted, assessed);
    }
}
