package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Counted household income per year: the sum of every member's incomes except the types that 青政办〔2017〕86号
 * 二(二) says are not counted (from {@code parameters/income_types.yaml}).
 */
public final class CountedIncome {
    private CountedIncome() {}

    public static BigDecimal compute(HouseholdFacts household, ParameterValue types, ExplanationBuilder why) {
        @SuppressWarnings("unchecked")
        Map<String, Object> notCounted = (Map<String, Object>) types.asMap().get("notCounted");
        BigDecimal counted = BigDecimal.ZERO;
        BigDecimal excluded = BigDecimal.ZERO;
        StringBuilder excludedItems = new StringBuilder();
        for (int i = 0; i < household.members().size(); i++) {
            for (IncomeItem income : household.members().get(i).incomes()) {
                if (notCounted.containsKey(income.type())) {
                    excluded = excluded.add(income.annualAmount());
                    excludedItems
                            .append(excludedItems.length() == 0 ? "" : ", ")
                            .append("members[")
                            .append(i)
                            .append("] ")
                            .append(income.type())
                            .append(' ')
                            .append(Money.plain(income.annualAmount()));
                } else {
                    counted = counted.add(income.annualAmount());
                }
            }
        }
        why.step("计入的家庭年收入 / Counted household income")
                .formula("countedIncome = Σ annual incomes of all members − incomes of types not counted (二(二))")
                .input("householdSize", household.size())
                .input("notCountedIncome", Money.plain(excluded))
                .input("notCountedItems", excludedItems.length() == 0 ? "none" : excludedItems.toString())
                .parameter(types)
                .result(Money.format(counted) + " CNY/year")
                .cite(types.citation())
                .add();
        return counted;
    }
}
