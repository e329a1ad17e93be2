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
 * Financing-guarantee subsidy eligibility: a guarantee for a small or micro enterprise of at most 1,000,000 yuan
 * with an annual fee rate of at most 50% of the benchmark loan rate qualifies for a subsidy (青政〔2017〕42号
 * 七(三)). The subsidy share is not in the documents, so there is no amount. Parameter
 * {@code enterprise_cost.guarantee_subsidy}.
 */
@Singleton
public class GuaranteeSubsidy extends PolicyRule {

    static final String ID = "guarantee-subsidy";

    public GuaranteeSubsidy(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.guarantee_subsidy");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "融资担保业务奖补条件";
    }

    @Override
    public String titleEn() {
        return "Financing-guarantee subsidy eligibility";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.decimal(
                        "guaranteeAmount",
                        "CNY",
                        "0",
                        true,
                        "1000000000000",
                        2,
                        "单笔担保额度（元）",
                        "Amount of the single guarantee, CNY"),
                InputSpec.rate("annualFeeRate", "年担保费率（如0.02表示2%）", "Annual guarantee fee rate (0.02 = 2%)"),
                InputSpec.decimal(
                        "benchmarkLoanRate",
                        "ratio",
                        "0",
                        true,
                        "1",
                        6,
                        "同期银行贷款基准利率",
                        "Bank benchmark loan rate for the same term"),
                InputSpec.bool("borrowerSmallOrMicro", "被担保人是否小微企业", "The borrower is a small or micro enterprise"));
    }

    @Override
    public List<String> outputs() {
        return List.of("amountWithinLimit", "feeRateWithinLimit", "maximumFeeRate", "maximumSingleGuarantee");
    }

    @Override
    public String amountMeaning() {
        return "";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        String cite = p.citation().shortText();
        CalculationResult result = new CalculationResult();
        ExplanationBuilder why = new ExplanationBuilder();
        BigDecimal amount = in.decimal("guaranteeAmount");
        BigDecimal maxAmount = p.decimal("maxSingleGuaranteeInclusive");
        boolean amountOk = amount.compareTo(maxAmount) <= 0;
        if (!amountOk) {
            result.notEligible("单笔担保额度超过" + Money.format(maxAmount) + "元 / the single guarantee exceeds "
                    + Money.format(maxAmount) + " (" + cite + ")");
        }
        why.step("担保额度 / Guarantee amount")
                .formula("amountWithinLimit = guaranteeAmount ≤ maxSingleGuarantee")
                .input("guaranteeAmount", amount)
                .parameter(p.field("maxSingleGuaranteeInclusive"))
                .result(amountOk)
                .cite(p.citation())
                .add();
        BigDecimal maxFee = in.decimal("benchmarkLoanRate").multiply(p.decimal("maxFeeShareOfBenchmarkInclusive"));
        boolean feeOk = in.decimal("annualFeeRate").compareTo(maxFee) <= 0;
        if (!feeOk) {
            result.notEligible("年担保费率超过同期贷款基准利率的50%（" + Rates.format(maxFee) + "） / the annual fee rate exceeds "
                    + "50% of the benchmark loan rate (" + Rates.format(maxFee) + ", " + cite + ")");
        }
        why.step("担保费率 / Fee rate")
                .formula("feeRateWithinLimit = annualFeeRate ≤ benchmarkLoanRate × maxFeeShareOfBenchmark")
                .input("annualFeeRate", in.decimal("annualFeeRate"))
                .input("benchmarkLoanRate", in.decimal("benchmarkLoanRate"))
                .parameter(p.field("maxFeeShareOfBenchmarkInclusive"))
                .result(feeOk)
                .cite(p.citation())
                .add();
        if (!in.bool("borrowerSmallOrMicro")) {
            result.notEligible("被担保人非小微企业 / the borrower is not a small or micro enterprise (" + cite + ")");
        }
        why.caveat("奖补比例（“一定比例”）文件未规定，由主管部门确定。 / The subsidy share (\"a certain proportion\") is not set "
                + "by the documents; the department decides it.");
        return result.flag("amountWithinLimit", amountOk)
                .flag("feeRateWithinLimit", feeOk)
                .text("maximumFeeRate", Rates.format(maxFee))
                .money("maximumSingleGuarantee", maxAmount)
                .explanation(why.build());
    }
}
