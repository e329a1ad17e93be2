package cn.gov.qinghai.wage.rules;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.wage.v1.EmployerType;
import cn.gov.qinghai.wage.v1.Employment;
import java.math.BigDecimal;
import java.util.List;

/**
 * Minimum-wage compliance of one pay period (部令2003年第21号 第十二条 with 青政〔2017〕41号 二):
 * <pre>
 *   countedPay      = grossPay − Σ excluded components (overtime pay, special-condition allowances, statutory welfare)
 *   minimumRequired = monthly standard                  (full-time, 全日制)
 *                   = hoursWorked × hourly standard      (part-time, 非全日制), rounded HALF_UP to 0.01
 *   shortfall       = max(0, minimumRequired − countedPay);  compliant ⇔ shortfall = 0
 * </pre>
 * Which components are excluded comes from the parameter {@code wage.compliance.rules}.
 */
public final class ComplianceRule {

    private ComplianceRule() {}

    /** The outcome; {@code explanation} is {@code null} when not requested. */
    public record Outcome(
            boolean compliant,
            BigDecimal countedPay,
            BigDecimal minimumRequired,
            BigDecimal shortfall,
            BigDecimal standardApplied,
            Explanation explanation) {}

    public static Outcome evaluate(
            PayrollInput in,
            StandardUse standard,
            ParameterValue rules,
            cn.gov.qinghai.kit.params.Citation employmentScope,
            boolean explain) {
        @SuppressWarnings("unchecked")
        List<Object> excludedNames = (List<Object>) rules.asMap().get("excludedComponents");
        BigDecimal excluded = BigDecimal.ZERO;
        for (Object name : excludedNames) {
            excluded = excluded.add(in.components().getOrDefault(name.toString(), BigDecimal.ZERO));
        }
        BigDecimal counted = Money.yuan(in.grossPay().subtract(excluded));
        boolean fullTime = in.employment() == Employment.FULL_TIME;
        BigDecimal standardApplied =
                fullTime ? standard.standard().monthly() : standard.standard().hourly();
        BigDecimal required = Money.yuan(fullTime ? standardApplied : in.hours().multiply(standardApplied));
        BigDecimal shortfall = Money.yuan(Money.nonNegative(required.subtract(counted)));
        boolean compliant = shortfall.signum() == 0;
        Explanation explanation = explain
                ? explain(
                        in,
                        standard,
                        rules,
                        employmentScope,
                        excludedNames,
                        counted,
                        required,
                        shortfall,
                        compliant,
                        fullTime)
                : null;
        return new Outcome(compliant, counted, required, shortfall, standardApplied, explanation);
    }

    private static Explanation explain(
            PayrollInput in,
            StandardUse standard,
            ParameterValue rules,
            cn.gov.qinghai.kit.params.Citation employmentScope,
            List<Object> excludedNames,
            BigDecimal counted,
            BigDecimal required,
            BigDecimal shortfall,
            boolean compliant,
            boolean fullTime) {
        ExplanationBuilder why = new ExplanationBuilder();
        if (in.employerType() == EmployerType.EMPLOYER_TYPE_UNSPECIFIED) {
            why.caveat("未提供用人单位类型，未核对适用范围（青政〔2017〕41号 二）。 / The employer type was not given, so"
                    + " the scope of 青政〔2017〕41号 二 was not checked.");
        } else {
            why.step("适用范围 / Scope")
                    .formula("the employer type is one 41号 二 covers")
                    .input("employerType", in.employerType().name())
                    .result("covered / 适用")
                    .cite(employmentScope)
                    .add();
        }
        ExplanationBuilder.Step counting = why.step("计入最低工资的工资 / Pay counted toward the minimum")
                .formula("countedPay = grossPay − "
                        + String.join(
                                " − ",
                                excludedNames.stream().map(Object::toString).toList()))
                .input("grossPay", Money.format(in.grossPay()));
        for (Object name : excludedNames) {
            counting.input(
                    name.toString(), Money.format(in.components().getOrDefault(name.toString(), BigDecimal.ZERO)));
        }
        counting.parameter(rules)
                .result(Money.format(counted))
                .cite(rules.citation())
                .add();

        ExplanationBuilder.Step standardStep = why.step("适用的最低工资标准 / Standard in force on " + in.periodStart())
                .formula(fullTime ? "full-time (全日制) → monthly standard" : "part-time (非全日制) → hourly standard")
                .input("region", in.region())
                .input("period", in.periodText())
                .input("employment", in.employment().name());
        standard.addParameters(standardStep, why, fullTime, !fullTime);
        standardStep
                .result(Money.format(
                        fullTime
                                ? standard.standard().monthly()
                                : standard.standard().hourly()))
                .cite(standard.standard().citation())
                .add();

        ExplanationBuilder.Step minimum = why.step("应达到的最低工资 / Minimum required for the period");
        if (fullTime) {
            minimum.formula("minimumRequired = monthly standard")
                    .input("monthlyStandard", Money.format(standard.standard().monthly()));
        } else {
            minimum.formula("minimumRequired = hoursWorked × hourly standard, rounded HALF_UP to 0.01")
                    .input("hoursWorked", in.hours().toPlainString())
                    .input("hourlyStandard", Money.format(standard.standard().hourly()));
        }
        minimum.result(Money.format(required)).cite(employmentScope).add();

        why.step("比较 / Comparison")
                .formula("shortfall = max(0, minimumRequired − countedPay); compliant when shortfall = 0")
                .input("minimumRequired", Money.format(required))
                .input("countedPay", Money.format(counted))
                .result((compliant ? "compliant / 符合" : "below the minimum / 低于最低工资标准") + ", shortfall "
                        + Money.format(shortfall))
                .add();
        return why.build();
    }
}
