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
 * Award to outstanding makerspaces (青政〔2017〕42号 七(二)): makerspaces built in the province with large enterprises,
 * universities, research institutes or incubators, or serving students, "业绩较突出的众创空间给予100万元以内的奖励支持".
 * The proposed award must be at most the cap (以内, inclusive): 1,000,000 is allowed, 1,000,000.01 is refused with the
 * cap. Parameter {@code enterprise_cost.makerspace_award}.
 */
@Singleton
public class MakerspaceAward extends PolicyRule {

    public MakerspaceAward(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.makerspace_award");
    }

    @Override
    public String id() {
        return "makerspace-award";
    }

    @Override
    public String titleZh() {
        return "业绩突出众创空间奖励";
    }

    @Override
    public String titleEn() {
        return "Award to outstanding makerspaces";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.choice(
                        "makerspaceKind",
                        List.of(
                                new InputSpec.Option(
                                        "built-with-partners",
                                        "与大型企业、高校、科研院所、孵化器合作建设",
                                        "Built in Qinghai with large enterprises, universities, research institutes or incubators"),
                                new InputSpec.Option(
                                        "serving-students",
                                        "为大学生提供技术、检验检测、知识产权、财务、法律、金融等服务",
                                        "Serves students (technology, testing, IP, finance, legal, financial services)"),
                                new InputSpec.Option("other", "其他众创空间", "Other makerspace")),
                        "众创空间类型",
                        "Kind of makerspace"),
                InputSpec.bool("outstandingPerformance", "是否经认定业绩较突出", "Judged outstanding by the department"),
                InputSpec.money("proposedAward", "拟奖励金额（元）", "Proposed award, CNY"));
    }

    @Override
    public List<String> outputs() {
        return List.of("maximumAward", "withinCap");
    }

    @Override
    public String amountMeaning() {
        return "可给予的奖励（元） / Award that may be granted, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        ParameterValue p = rule(date);
        BigDecimal cap = p.decimal("maxAwardInclusive");
        BigDecimal proposed = in.decimal("proposedAward");
        boolean withinCap = proposed.compareTo(cap) <= 0;
        String cite = p.citation().shortText();
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("奖励上限 / Cap")
                .formula("allowed when proposedAward <= maxAwardInclusive (100万元以内: inclusive)")
                .input("proposedAward", proposed)
                .parameter(p.field("maxAwardInclusive"))
                .result(withinCap)
                .cite(p.citation())
                .add();
        CalculationResult result =
                new CalculationResult().money("maximumAward", cap).flag("withinCap", withinCap);
        if (in.choice("makerspaceKind").equals("other")) {
            result.notEligible("条款只奖励合作建设或为大学生服务的众创空间 / the clause rewards makerspaces built with partners"
                    + " or serving students (" + cite + ")");
        }
        if (!in.bool("outstandingPerformance")) {
            result.notEligible("业绩未经认定为较突出 / performance not judged outstanding (" + cite + ")");
        }
        if (!withinCap) {
            result.notEligible(
                    "拟奖励超过100万元 / the proposed award exceeds the cap of " + Money.format(cap) + " (" + cite + ")");
        }
        result.amount(result.eligible() ? Money.yuan(proposed) : BigDecimal.ZERO);
        return result.explanation(why.build());
    }
}
