package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.enterprisecost.calculators.CalculationResult;
import cn.gov.qinghai.enterprisecost.calculators.InputSpec;
import cn.gov.qinghai.enterprisecost.calculators.Inputs;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Start-up loan guarantee limit: 100,000–200,000 yuan for one person; partners or an organised group 100,000 yuan
 * per person, 1,000,000 in total at most (青政〔2017〕42号 七(一)). Parameter
 * {@code enterprise_cost.startup_loan_guarantee}.
 */
@Singleton
public class StartupLoanGuarantee extends PolicyRule {

    public StartupLoanGuarantee(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.startup_loan_guarantee");
    }

    @Override
    public String id() {
        return "startup-loan-guarantee";
    }

    @Override
    public String titleZh() {
        return "创业贷款担保额度";
    }

    @Override
    public String titleEn() {
        return "Start-up loan guarantee limit";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(InputSpec.integer(
                "persons",
                "persons",
                1,
                10000,
                "创业人数（合伙经营或组织起来就业的出资人人数；个人创业为1）",
                "Number of founders (partners or organised group; 1 for one person)"));
    }

    @Override
    public List<String> outputs() {
        return List.of("individualMinimum", "perPartner", "groupMaximum", "capApplied");
    }

    @Override
    public String amountMeaning() {
        return "可申请的担保额度上限（元） / Highest guarantee that may be applied for, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        int persons = in.integer("persons");
        ExplanationBuilder why = new ExplanationBuilder();
        CalculationResult result = new CalculationResult();
        BigDecimal limit;
        boolean capApplied = false;
        if (persons == 1) {
            limit = p.decimal("individualMaximumInclusive");
            why.step("个人创业 / One person")
                    .formula("limit = individualMaximum (range individualMinimum–individualMaximum)")
                    .input("persons", persons)
                    .parameter(p.field("individualMinimumInclusive"))
                    .parameter(p.field("individualMaximumInclusive"))
                    .result(Money.format(limit))
                    .cite(p.citation())
                    .add();
        } else {
            BigDecimal summed = p.decimal("perPartner").multiply(BigDecimal.valueOf(persons));
            BigDecimal max = p.decimal("groupMaximumInclusive");
            capApplied = summed.compareTo(max) > 0;
            limit = summed.min(max);
            why.step("合伙或组织起来就业 / Partners or organised group")
                    .formula("limit = min(perPartner × persons, groupMaximum)")
                    .input("persons", persons)
                    .parameter(p.field("perPartner"))
                    .parameter(p.field("groupMaximumInclusive"))
                    .result(Money.format(limit))
                    .cite(p.citation())
                    .add();
        }
        return result.amount(limit)
                .money("individualMinimum", p.decimal("individualMinimumInclusive"))
                .money("perPartner", p.decimal("perPartner"))
                .money("groupMaximum", p.decimal("groupMaximumInclusive"))
                .flag("capApplied", capApplied)
                .explanation(why.build());
    }
}
