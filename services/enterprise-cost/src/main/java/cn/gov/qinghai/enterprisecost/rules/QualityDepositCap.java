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
 * Engineering quality deposit cap: at most 3% of the settled contract price may be retained (was 5%)
 * (青政〔2017〕43号 十一). Parameter {@code enterprise_cost.quality_deposit}.
 */
@Singleton
public class QualityDepositCap extends PolicyRule {

    public QualityDepositCap(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.quality_deposit");
    }

    @Override
    public String id() {
        return "quality-deposit";
    }

    @Override
    public String titleZh() {
        return "工程质量保证金预留上限";
    }

    @Override
    public String titleEn() {
        return "Engineering quality deposit cap";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.money("settledContractPrice", "工程价款结算总额（元）", "Settled contract price, CNY"),
                InputSpec.money("retainedDeposit", "实际预留的质量保证金（元）", "Deposit actually retained, CNY")
                        .optional());
    }

    @Override
    public List<String> outputs() {
        return List.of("maximumShare", "previousMaximumDeposit", "retainedAllowed", "excessToReturn");
    }

    @Override
    public String amountMeaning() {
        return "可预留的质量保证金上限（元） / Highest deposit that may be retained, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        BigDecimal price = in.decimal("settledContractPrice");
        BigDecimal max = price.multiply(p.decimal("maximumShareInclusive"));
        BigDecimal previous = price.multiply(p.decimal("previousMaximumShare"));
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("保证金上限 / Cap")
                .formula("maximumDeposit = settledContractPrice × maximumShare")
                .input("settledContractPrice", price)
                .parameter(p.field("maximumShareInclusive"))
                .result(Money.format(max))
                .cite(p.citation())
                .add();
        why.step("原上限（对比） / Former cap, for comparison")
                .formula("previousMaximumDeposit = settledContractPrice × previousMaximumShare")
                .input("settledContractPrice", price)
                .parameter(p.field("previousMaximumShare"))
                .result(Money.format(previous))
                .cite(p.citation())
                .add();
        CalculationResult result = new CalculationResult()
                .amount(max)
                .text("maximumShare", Rates.format(p.decimal("maximumShareInclusive")))
                .money("previousMaximumDeposit", previous);
        if (in.has("retainedDeposit")) {
            BigDecimal retained = in.decimal("retainedDeposit");
            BigDecimal maxRounded = Money.yuan(max);
            boolean allowed = retained.compareTo(maxRounded) <= 0;
            BigDecimal excess = Money.nonNegative(retained.subtract(maxRounded));
            if (!allowed) {
                result.notEligible("预留保证金超过结算总额的"
                        + Rates.percent(p.decimal("maximumShareInclusive")).toPlainString() + "%"
                        + " / the retained deposit exceeds the cap of "
                        + Money.format(max) + " (" + p.citation().shortText() + ")");
            }
            why.step("实际预留 / Retained")
                    .formula("excessToReturn = max(0, retainedDeposit − maximumDeposit)")
                    .input("retainedDeposit", retained)
                    .input("maximumDeposit", Money.format(max))
                    .result(Money.format(excess))
                    .cite(p.citation())
                    .add();
            result.flag("retainedAllowed", allowed).money("excessToReturn", excess);
        }
        return result.explanation(why.build());
    }
}
