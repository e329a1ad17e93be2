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
 * Stable-job subsidy: an insured enterprise that paid unemployment insurance in full and laid off no one or few gets
 * 50% of last year's unemployment insurance actually paid (青政〔2017〕42号 八(三), 青政〔2017〕43号 十三).
 * Parameter {@code enterprise_cost.stable_job_subsidy}.
 */
@Singleton
public class StableJobSubsidy extends PolicyRule {

    static final String ID = "stable-job-subsidy";

    public StableJobSubsidy(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.stable_job_subsidy");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "稳岗补贴";
    }

    @Override
    public String titleEn() {
        return "Stable-job subsidy";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.money(
                        "lastYearUnemploymentInsurancePaid",
                        "上年实际缴纳失业保险费（元）",
                        "Unemployment insurance actually paid last year, CNY"),
                InputSpec.bool("paidInFull", "是否依法参保并足额缴纳失业保险费", "Insured and paid unemployment insurance in full"),
                InputSpec.bool(
                        "laidOffNoneOrFew", "是否采取稳岗措施不裁员或少裁员", "Laid off no one or few (took job-keeping measures)"));
    }

    @Override
    public List<String> outputs() {
        return List.of("share");
    }

    @Override
    public String amountMeaning() {
        return "稳岗补贴（元） / Subsidy, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        BigDecimal paid = in.decimal("lastYearUnemploymentInsurancePaid");
        CalculationResult result = new CalculationResult();
        String cite = p.citation().shortText();
        if (paid.signum() == 0) {
            result.notEligible("上年未缴纳失业保险费，未参加失业保险 / no unemployment insurance was paid last year (" + cite + ")");
        }
        if (!in.bool("paidInFull")) {
            result.notEligible("未足额缴纳失业保险费 / unemployment insurance was not paid in full (" + cite + ")");
        }
        if (!in.bool("laidOffNoneOrFew")) {
            result.notEligible("未做到不裁员或少裁员 / the enterprise did not keep lay-offs to none or few (" + cite + ")");
        }
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("条件 / Conditions")
                .formula("eligible = paid > 0 ∧ paidInFull ∧ laidOffNoneOrFew")
                .input("lastYearUnemploymentInsurancePaid", paid)
                .input("paidInFull", in.bool("paidInFull"))
                .input("laidOffNoneOrFew", in.bool("laidOffNoneOrFew"))
                .result(result.eligible())
                .cite(p.citation())
                .add();
        BigDecimal share = p.decimal("share");
        BigDecimal subsidy = result.eligible() ? paid.multiply(share) : BigDecimal.ZERO;
        why.step("补贴 / Subsidy")
                .formula("subsidy = lastYearUnemploymentInsurancePaid × share (0 when not eligible)")
                .input("lastYearUnemploymentInsurancePaid", paid)
                .parameter(p.field("share"))
                .result(Money.format(subsidy))
                .cite(p.citation())
                .add();
        return result.amount(subsidy).decimal("share", share).explanation(why.build());
    }
}
