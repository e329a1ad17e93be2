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
 * Government-fund levy cut: the levy standards of the 国家重大水利工程建设基金 and the 大中型水库移民后期扶持基金 are
 * cut by 25% (青政〔2017〕43号 十五). Parameter {@code enterprise_cost.government_fund_levy}.
 */
@Singleton
public class GovernmentFundLevyCut extends PolicyRule {

    public GovernmentFundLevyCut(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.government_fund_levy");
    }

    @Override
    public String id() {
        return "government-fund-levy";
    }

    @Override
    public String titleZh() {
        return "政府性基金征收标准降低";
    }

    @Override
    public String titleEn() {
        return "Government-fund levy cut";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.choice(
                        "fund",
                        List.of(
                                new InputSpec.Option(
                                        "major-water-project",
                                        "国家重大水利工程建设基金",
                                        "Major national water-project construction fund"),
                                new InputSpec.Option(
                                        "reservoir-resettlement",
                                        "大中型水库移民后期扶持基金",
                                        "Large and medium reservoir resettlement support fund")),
                        "基金",
                        "Fund"),
                InputSpec.decimal(
                        "previousStandard",
                        "CNY/kWh",
                        "0",
                        true,
                        "1",
                        6,
                        "降低前征收标准（元/千瓦时）",
                        "Levy standard before the cut, CNY per kWh"),
                InputSpec.decimal(
                        "electricityKwh",
                        "kWh",
                        "0",
                        false,
                        "1000000000000",
                        2,
                        "用电量（千瓦时）",
                        "Electricity consumed, kWh"));
    }

    @Override
    public List<String> outputs() {
        return List.of("newStandard", "levyBefore", "saving");
    }

    @Override
    public String amountMeaning() {
        return "降低后应缴基金（元） / Levy due after the cut, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        BigDecimal previous = in.decimal("previousStandard");
        BigDecimal kwh = in.decimal("electricityKwh");
        BigDecimal cut = p.decimal("cut");
        BigDecimal newStandard = previous.multiply(BigDecimal.ONE.subtract(cut));
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("新征收标准 / New standard")
                .formula("newStandard = previousStandard × (1 − cut)")
                .input("fund", in.choice("fund"))
                .input("previousStandard", previous)
                .parameter(p.field("cut"))
                .result(newStandard.stripTrailingZeros().toPlainString())
                .cite(p.citation())
                .add();
        BigDecimal before = previous.multiply(kwh);
        BigDecimal after = newStandard.multiply(kwh);
        why.step("应缴基金 / Levy")
                .formula("levyBefore = previousStandard × electricityKwh; levy = newStandard × electricityKwh")
                .input("electricityKwh", kwh)
                .input("previousStandard", previous)
                .input("newStandard", newStandard.stripTrailingZeros().toPlainString())
                .result(Money.format(after))
                .add();
        return new CalculationResult()
                .amount(after)
                .text("newStandard", newStandard.stripTrailingZeros().toPlainString())
                .money("levyBefore", before)
                .money("saving", before.subtract(after))
                .explanation(why.build());
    }
}
