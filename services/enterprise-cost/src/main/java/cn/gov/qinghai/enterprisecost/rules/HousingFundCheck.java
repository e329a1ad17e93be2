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
 * Housing provident fund rate check: the employer rate is chosen within 5%–12%; the employee rate may be lowered by
 * at most 2 percentage points from the current rate, not below 5%; enterprises in difficulty may lower further or
 * apply to defer (青政〔2017〕43号 十二). Parameter {@code enterprise_cost.housing_fund.rates}.
 */
@Singleton
public class HousingFundCheck extends PolicyRule {

    public HousingFundCheck(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.housing_fund.rates");
    }

    @Override
    public String id() {
        return "housing-fund";
    }

    @Override
    public String titleZh() {
        return "住房公积金缴存比例核对";
    }

    @Override
    public String titleEn() {
        return "Housing provident fund rate check";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.rate("employerRate", "单位缴存比例（如0.08表示8%）", "Employer rate as a fraction (0.08 = 8%)"),
                InputSpec.rate("employeeCurrentRate", "职工个人现行缴存比例", "Employee's current rate"),
                InputSpec.rate("employeeProposedRate", "拟调整的职工个人缴存比例", "Proposed employee rate")
                        .optional(),
                InputSpec.bool("inDifficulty", "是否生产经营困难企业", "Enterprise in operating difficulty")
                        .withDefault("false"));
    }

    @Override
    public List<String> outputs() {
        return List.of(
                "employerRateAllowed",
                "employerMinimumRate",
                "employerMaximumRate",
                "employeeMinimumRate",
                "employeeProposedAllowed",
                "mayApplyToLowerOrDefer");
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

        BigDecimal employer = in.decimal("employerRate");
        BigDecimal min = p.decimal("employerMinimumInclusive");
        BigDecimal max = p.decimal("employerMaximumInclusive");
        boolean employerAllowed = employer.compareTo(min) >= 0 && employer.compareTo(max) <= 0;
        if (!employerAllowed) {
            result.notEligible("单位缴存比例须在" + Rates.percent(min) + "%至" + Rates.percent(max) + "%之间 / the employer rate "
                    + Rates.format(employer) + " is outside " + Rates.format(min) + "–" + Rates.format(max) + " ("
                    + cite + ")");
        }
        why.step("单位缴存比例 / Employer rate")
                .formula("allowed = employerMinimum ≤ employerRate ≤ employerMaximum")
                .input("employerRate", employer)
                .parameter(p.field("employerMinimumInclusive"))
                .parameter(p.field("employerMaximumInclusive"))
                .result(employerAllowed)
                .cite(p.citation())
                .add();

        BigDecimal current = in.decimal("employeeCurrentRate");
        BigDecimal floor = p.decimal("employeeFloorInclusive");
        BigDecimal lowest = current.subtract(p.decimal("employeeMaximumReductionInclusive"))
                .max(floor)
                .min(current);
        why.step("职工个人最低可调比例 / Lowest employee rate allowed")
                .formula(
                        "employeeMinimumRate = min(employeeCurrentRate, max(employeeCurrentRate − employeeMaximumReduction, employeeFloor))")
                .input("employeeCurrentRate", current)
                .parameter(p.field("employeeMaximumReductionInclusive"))
                .parameter(p.field("employeeFloorInclusive"))
                .result(Rates.format(lowest))
                .cite(p.citation())
                .add();

        if (in.has("employeeProposedRate")) {
            BigDecimal proposed = in.decimal("employeeProposedRate");
            boolean allowed = proposed.compareTo(lowest) >= 0 && proposed.compareTo(current) <= 0;
            if (proposed.compareTo(lowest) < 0) {
                result.notEligible("职工个人缴存比例最多下调两个百分点且不低于5%，最低为" + Rates.format(lowest)
                        + " / the employee rate may go down to " + Rates.format(lowest) + " at most, not "
                        + Rates.format(proposed) + " (" + cite + ")");
            } else if (proposed.compareTo(current) > 0) {
                result.notEligible("该条款只规定下调，上调不在此核对范围 / " + cite + " only governs lowering the employee rate; "
                        + Rates.format(proposed) + " is above the current " + Rates.format(current));
            }
            why.step("拟调整比例 / Proposed employee rate")
                    .formula("allowed = employeeMinimumRate ≤ employeeProposedRate ≤ employeeCurrentRate")
                    .input("employeeProposedRate", proposed)
                    .input("employeeMinimumRate", Rates.format(lowest))
                    .result(allowed)
                    .cite(p.citation())
                    .add();
            result.flag("employeeProposedAllowed", allowed);
        }
        boolean difficulty = in.bool("inDifficulty");
        if (difficulty) {
            why.caveat("生产经营困难企业可以降低或申请缓缴住房公积金，经济效益好转后恢复缴存或补缴（" + cite
                    + "）；须向住房公积金管理中心申请，不由本计算确定。 / An enterprise in difficulty may lower or apply to defer "
                    + "its contributions and resume or pay back when it recovers; that is decided on application.");
        }
        return result.flag("employerRateAllowed", employerAllowed)
                .text("employerMinimumRate", Rates.format(min))
                .text("employerMaximumRate", Rates.format(max))
                .text("employeeMinimumRate", Rates.format(lowest))
                .flag("mayApplyToLowerOrDefer", difficulty)
                .explanation(why.build());
    }
}
