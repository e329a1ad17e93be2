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
 * Enterprise income tax of a small low-profit enterprise founded by graduates in a makerspace: within the national
 * limit, 50% of taxable income is counted and taxed at 20% (青政〔2017〕42号 七(三)). Parameter
 * {@code enterprise_cost.makerspace_graduate_income_tax}.
 */
@Singleton
public class MakerspaceGraduateIncomeTax extends PolicyRule {

    public MakerspaceGraduateIncomeTax(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.makerspace_graduate_income_tax");
    }

    @Override
    public String id() {
        return "makerspace-graduate-income-tax";
    }

    @Override
    public String titleZh() {
        return "高校毕业生众创空间小型微利企业所得税";
    }

    @Override
    public String titleEn() {
        return "Income tax of graduates' small low-profit enterprises in makerspaces";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.money("annualTaxableIncome", "年应纳税所得额（元）", "Annual taxable income, CNY"),
                InputSpec.bool("graduateFounded", "是否由高校毕业生创办", "Founded by university graduates"),
                InputSpec.bool("inMakerspace", "是否在众创空间创办", "Founded in a makerspace"),
                InputSpec.bool("smallLowProfit", "是否小型微利企业", "A small low-profit enterprise"),
                InputSpec.bool(
                        "withinNationalLimit",
                        "应纳税所得额是否在国家规定的限额和期限内",
                        "Taxable income within the limit and period set by the state"));
    }

    @Override
    public List<String> outputs() {
        return List.of("taxableIncomeCounted", "taxAtStatutoryRate", "saving");
    }

    @Override
    public String amountMeaning() {
        return "应纳企业所得税（元） / Enterprise income tax payable, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        String cite = p.citation().shortText();
        CalculationResult result = new CalculationResult();
        if (!in.bool("graduateFounded")) {
            result.notEligible("非高校毕业生创办 / not founded by university graduates (" + cite + ")");
        }
        if (!in.bool("inMakerspace")) {
            result.notEligible("非在众创空间创办 / not founded in a makerspace (" + cite + ")");
        }
        if (!in.bool("smallLowProfit")) {
            result.notEligible("非小型微利企业 / not a small low-profit enterprise (" + cite + ")");
        }
        if (!in.bool("withinNationalLimit")) {
            result.notEligible(
                    "应纳税所得额超出国家规定的限额或期限 / taxable income outside the national limit or period (" + cite + ")");
        }
        ExplanationBuilder why = new ExplanationBuilder();
        BigDecimal income = in.decimal("annualTaxableIncome");
        BigDecimal statutory = income.multiply(p.decimal("statutoryRate"));
        BigDecimal counted = result.eligible() ? income.multiply(p.decimal("incomeShare")) : income;
        BigDecimal tax = result.eligible() ? counted.multiply(p.decimal("rate")) : statutory;
        why.step("条件 / Conditions")
                .formula("eligible = graduateFounded ∧ inMakerspace ∧ smallLowProfit ∧ withinNationalLimit")
                .input("graduateFounded", in.bool("graduateFounded"))
                .input("inMakerspace", in.bool("inMakerspace"))
                .input("smallLowProfit", in.bool("smallLowProfit"))
                .input("withinNationalLimit", in.bool("withinNationalLimit"))
                .result(result.eligible())
                .cite(p.citation())
                .add();
        if (result.eligible()) {
            why.step("计入应纳税所得额 / Income counted")
                    .formula("counted = annualTaxableIncome × incomeShare")
                    .input("annualTaxableIncome", income)
                    .parameter(p.field("incomeShare"))
                    .result(Money.format(counted))
                    .cite(p.citation())
                    .add();
            why.step("应纳税额 / Tax")
                    .formula("tax = counted × rate")
                    .input("counted", Money.format(counted))
                    .parameter(p.field("rate"))
                    .result(Money.format(tax))
                    .cite(p.citation())
                    .add();
        } else {
            why.step("应纳税额 / Tax")
                    .formula("tax = annualTaxableIncome × statutoryRate (no relief)")
                    .input("annualTaxableIncome", income)
                    .parameter(p.field("statutoryRate"))
                    .result(Money.format(tax))
                    .add();
        }
        BigDecimal saving = statutory.subtract(tax);
        why.step("对比法定税率 / Compared with the statutory rate")
                .formula("saving = annualTaxableIncome × statutoryRate − tax")
                .input("annualTaxableIncome", income)
                .input("tax", Money.format(tax))
                .parameter(p.field("statutoryRate"))
                .result(Money.format(saving))
                .add();
        return result.amount(tax)
                .money("taxableIncomeCounted", counted)
                .money("taxAtStatutoryRate", statutory)
                .money("saving", saving)
                .explanation(why.build());
    }
}
