package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.dibao.v1.WorkAbility;
import java.util.List;

/**
 * A household member as the rules see them (already validated).
 *
 * @param age             whole years on the policy date
 * @param disabilityGrade 1 (most severe) to 4, or {@code null} when not disabled
 * @param workAbility     for the A/B/C class; {@code WORK_ABILITY_UNSPECIFIED} when unknown (estimator)
 * @param rigid           rigid expenditure in the year (二(二) expenditure-type poverty); never {@code null}
 */
public record Person(
        int age,
        Integer disabilityGrade,
        boolean bedridden,
        boolean hasFixedIncome,
        WorkAbility workAbility,
        List<IncomeItem> incomes,
        RigidExpenditure rigid) {

    public Person {
        incomes = List.copyOf(incomes);
        rigid = rigid == null ? RigidExpenditure.NONE : rigid;
    }

    /** A member without rigid expenditure. */
    public Person(
            int age,
            Integer disabilityGrade,
            boolean bedridden,
            boolean hasFixedIncome,
            WorkAbility workAbility,
            List<IncomeItem> incomes) {
        this(age, disabilityGrade, bedridden, hasFixedIncome, workAbility, incomes, RigidExpenditure.NONE);
    }

    /** The same member with another rigid expenditure (e.g. the verified major-illness cost). */
    public Person withRigid(RigidExpenditure r) {
        return new Person(age, disabilityGrade, bedridden, hasFixedIncome, workAbility, incomes, r);
    }

    public boolean disabled() {
        return disabilityGrade != null;
    }
}
