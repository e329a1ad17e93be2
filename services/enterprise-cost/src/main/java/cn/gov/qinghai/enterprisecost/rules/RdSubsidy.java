package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.enterprisecost.calculators.CalculationResult;
import cn.gov.qinghai.enterprisecost.calculators.InputSpec;
import cn.gov.qinghai.enterprisecost.calculators.Inputs;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * R&D subsidy: science-and-technology enterprises get 10% of the year's R&D super-deduction tax exemption, at most
 * 2,000,000 yuan (青政〔2017〕42号 六(四)); from 2017-07-21 also makerspaces recognised as such enterprises
 * (青政〔2017〕43号 二十二). Parameter {@code enterprise_cost.rd_subsidy}.
 */
@Singleton
public class RdSubsidy extends PolicyRule {

    static final String ID = "rd-subsidy";

    public RdSubsidy(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.rd_subsidy");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleZh() {
        return "研发费用加计扣除免税额补贴";
    }

    @Override
    public String titleEn() {
        return "R&D subsidy on the super-deduction tax exemption";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.money(
                        "superDeductionTaxExemption",
                        "当年研发费用加计扣除免税额（元）",
                        "The year's tax exempted by the R&D super deduction, CNY"),
                InputSpec.bool(
                                "recognisedScienceTechEnterprise",
                                "是否已认定为科技型企业",
                                "Recognised as a science-and-technology enterprise")
                        .withDefault("true"),
                InputSpec.choice(
                                "applicantType",
                                List.of(
                                        new InputSpec.Option("enterprise", "科技型企业", "Enterprise"),
                                        new InputSpec.Option("makerspace", "众创空间", "Makerspace")),
                                "申请主体",
                                "Applicant type")
                        .withDefault("enterprise"));
    }

    @Override
    public List<String> outputs() {
        return List.of("uncappedSubsidy", "cap", "capApplied");
    }

    @Override
    public String amountMeaning() {
        return "补贴金额（元） / Subsidy, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        BigDecimal exemption = in.decimal("superDeductionTaxExemption");
        BigDecimal share = p.decimal("share");
        BigDecimal cap = p.decimal("capInclusive");
        CalculationResult result = new CalculationResult();
        ExplanationBuilder why = new ExplanationBuilder();

        boolean makerspace = in.choice("applicantType").equals("makerspace");
        if (!in.bool("recognisedScienceTechEnterprise")) {
            result.notEligible("未认定为科技型企业 / not recognised as a science-and-technology enterprise ("
                    + p.citation().shortText() + ")");
        }
        if (makerspace
                && !Boolean.parseBoolean(p.asMap().get("makerspacesCovered").toString())) {
            result.notEligible("众创空间自青政〔2017〕43号 二十二 施行之日（2017-07-21）起适用 / makerspaces are covered only "
                    + "from 2017-07-21 (青政〔2017〕43号 二十二)");
        }
        why.step("适用主体 / Who qualifies")
                .formula(
                        "eligible = recognisedScienceTechEnterprise ∧ (applicantType = enterprise ∨ makerspaces covered)")
                .input("recognisedScienceTechEnterprise", in.bool("recognisedScienceTechEnterprise"))
                .input("applicantType", in.choice("applicantType"))
                .parameter(p.field("makerspacesCovered"))
                .result(result.eligible())
                .cite(p.citation())
                .add();

        BigDecimal uncapped = exemption.multiply(share);
        boolean capApplied = uncapped.compareTo(cap) > 0;
        BigDecimal subsidy = result.eligible() ? uncapped.min(cap) : BigDecimal.ZERO;
        why.step("补贴 / Subsidy")
                .formula("subsidy = min(superDeductionTaxExemption × share, cap)")
                .input("superDeductionTaxExemption", exemption)
                .parameter(p.field("share"))
                .parameter(p.field("capInclusive"))
                .result(cn.gov.qinghai.kit.money.Money.format(subsidy))
                .cite(p.citation())
                .add();
        return result.amount(subsidy)
                .money("uncappedSubsidy", uncapped)
                .money("cap", cap)
                .flag("capApplied", capApplied)
                .explanation(why.build());
    }
}
