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
 * Support for graduates who found or lead farmer and herder cooperatives: 1,000 yuan per month for up to 3 years,
 * plus 70% of the pension, medical and unemployment insurance actually paid (青政〔2017〕42号 七(一)). Parameter
 * {@code enterprise_cost.graduate_cooperative_support}.
 */
@Singleton
public class GraduateCooperativeSupport extends PolicyRule {

    public GraduateCooperativeSupport(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.graduate_cooperative_support");
    }

    @Override
    public String id() {
        return "graduate-cooperative-support";
    }

    @Override
    public String titleZh() {
        return "大中专毕业生创办领办农牧民合作社补贴";
    }

    @Override
    public String titleEn() {
        return "Support for graduates founding or leading cooperatives";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.bool("graduate", "是否大中专毕业生", "A college or technical-school graduate"),
                InputSpec.bool(
                        "foundsOrLeadsCooperative", "是否创办或领办农牧民合作社", "Founds or leads a farmer/herder cooperative"),
                InputSpec.integer("months", "months", 1, 600, "申请生活补贴的月数", "Months claimed for the living subsidy")
                        .withDefault("36"),
                InputSpec.money("pensionContributions", "基本养老保险实际缴费（元）", "Basic pension insurance actually paid, CNY")
                        .withDefault("0"),
                InputSpec.money("medicalContributions", "基本医疗保险实际缴费（元）", "Basic medical insurance actually paid, CNY")
                        .withDefault("0"),
                InputSpec.money("unemploymentContributions", "失业保险实际缴费（元）", "Unemployment insurance actually paid, CNY")
                        .withDefault("0"));
    }

    @Override
    public List<String> outputs() {
        return List.of("monthsCounted", "livingSubsidy", "socialInsuranceSubsidy");
    }

    @Override
    public String amountMeaning() {
        return "生活补贴与社保补贴合计（元） / Living plus social-insurance subsidy, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        String cite = p.citation().shortText();
        CalculationResult result = new CalculationResult();
        if (!in.bool("graduate")) {
            result.notEligible("非大中专毕业生 / not a college or technical-school graduate (" + cite + ")");
        }
        if (!in.bool("foundsOrLeadsCooperative")) {
            result.notEligible("未创办或领办农牧民合作社 / does not found or lead a farmer/herder cooperative (" + cite + ")");
        }
        ExplanationBuilder why = new ExplanationBuilder();
        int maxMonths = p.decimal("maximumMonthsInclusive").intValueExact();
        int months = Math.min(in.integer("months"), maxMonths);
        if (in.integer("months") > maxMonths) {
            why.caveat("生活补贴为期3年，超过" + maxMonths + "个月的部分不计。 / The living subsidy lasts 3 years; months beyond "
                    + maxMonths + " are not counted.");
        }
        BigDecimal living = result.eligible()
                ? p.decimal("monthlyLivingSubsidy").multiply(BigDecimal.valueOf(months))
                : BigDecimal.ZERO;
        why.step("生活补贴 / Living subsidy")
                .formula("living = monthlyLivingSubsidy × min(months, maximumMonths)")
                .input("months", in.integer("months"))
                .parameter(p.field("monthlyLivingSubsidy"))
                .parameter(p.field("maximumMonthsInclusive"))
                .result(Money.format(living))
                .cite(p.citation())
                .add();
        BigDecimal paid = in.decimal("pensionContributions")
                .add(in.decimal("medicalContributions"))
                .add(in.decimal("unemploymentContributions"));
        BigDecimal insurance = result.eligible() ? paid.multiply(p.decimal("socialInsuranceShare")) : BigDecimal.ZERO;
        why.step("社保补贴 / Social-insurance subsidy")
                .formula("insurance = (pension + medical + unemployment contributions) × socialInsuranceShare")
                .input("pensionContributions", in.decimal("pensionContributions"))
                .input("medicalContributions", in.decimal("medicalContributions"))
                .input("unemploymentContributions", in.decimal("unemploymentContributions"))
                .parameter(p.field("socialInsuranceShare"))
                .result(Money.format(insurance))
                .cite(p.citation())
                .add();
        return result.amount(living.add(insurance))
                .text("monthsCounted", String.valueOf(months))
                .money("livingSubsidy", living)
                .money("socialInsuranceSubsidy", insurance)
                .explanation(why.build());
    }
}
