package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.dibao.v1.WorkAbility;
import java.util.List;

/**
 * A household member as the rules see them (already validated).
 *
 * @param age             whole years on the policy date
 * @param disabilityGrade 1 (most severe) to 4, or {@code null} when not disabled
 * @param workAbility     for the A/B/C class; {@code WORK_ABILITY_UNSPECIFIED} when unknown (estimator)
 */
public record Person(int age, Integer disabilityGrade, boolean bedridden, boolean hasFixedIncome,
                     WorkAbility workAbility, List<IncomeItem> incomes) {

    public Person {
        incomes = List.copyOf(incomes);
    }

    public boolean disabled() {
        return disabilityGrade != null;
    }
}
