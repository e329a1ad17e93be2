package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.enterprisecost.calculators.CalculationResult;
import cn.gov.qinghai.enterprisecost.calculators.InputSpec;
import cn.gov.qinghai.enterprisecost.calculators.Inputs;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Employer contributions to unemployment (0.5%), maternity (0.4%) and work-injury insurance (industry rates
 * averaging 0.64%) for a payroll, at the 2017 rates and, when the enterprise gives its current rates, before them
 * (青政〔2017〕43号 十三). Parameter {@code enterprise_cost.social_insurance.employer_rates}. Also used by the
 * labour-cost check.
 */
@Singleton
public class SocialInsuranceContributions extends PolicyRule {

    private static final List<String> CURRENT = List.of("currentUnemploymentRate", "currentMaternityRate",
            "currentWorkInjuryRate");

    public SocialInsuranceContributions(ParameterRegistry parameters) {
        super(parameters, "enterprise_cost.social_insurance.employer_rates");
    }

    /** Contributions on one base, unrounded; round when writing. */
    public record Contributions(BigDecimal base, BigDecimal unemployment, BigDecimal maternity, BigDecimal workInjury) {
        public BigDecimal total() {
            return unemployment.add(maternity).add(workInjury);
        }
    }

    @Override
    public String id() {
        return "social-insurance";
    }

    @Override
    public String titleZh() {
        return "企业失业、生育、工伤保险单位缴费";
    }

    @Override
    public String titleEn() {
        return "Employer unemployment, maternity and work-injury insurance contributions";
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(
                InputSpec.money("payroll", "缴费工资总额（元，一个期间）", "Contribution base (payroll) for one period, CNY"),
                InputSpec.rate("workInjuryRate", "本企业工伤保险行业费率（缺省按全省平均0.64%）",
                        "The enterprise's own work-injury rate (default: the 0.64% average)").optional(),
                InputSpec.rate("currentUnemploymentRate", "调整前失业保险单位费率（对比用）",
                        "Unemployment rate before the cut, for comparison").optional(),
                InputSpec.rate("currentMaternityRate", "调整前生育保险单位费率（对比用）",
                        "Maternity rate before the cut, for comparison").optional(),
                InputSpec.rate("currentWorkInjuryRate", "调整前工伤保险单位费率（对比用）",
                        "Work-injury rate before the cut, for comparison").optional());
    }

    @Override
    public List<String> outputs() {
        return List.of("unemployment", "maternity", "workInjury", "total", "totalBefore", "saving");
    }

    @Override
    public String amountMeaning() {
        return "按2017年费率的单位缴费合计（元） / Employer contributions at the 2017 rates, CNY";
    }

    @Override
    public CalculationResult calculate(Inputs in, LocalDate date) {
        long given = CURRENT.stream().filter(in::has).count();
        if (given > 0 && given < CURRENT.size()) {
            FieldErrors errors = new FieldErrors();
            CURRENT.stream().filter(n -> !in.has(n)).forEach(n ->
                    errors.add(n, "is required when any current rate is given (a comparison needs all three)"));
            errors.throwIfAny();
        }
        ExplanationBuilder why = new ExplanationBuilder();
        BigDecimal base = in.decimal("payroll");
        Contributions after = at2017Rates(base, in.has("workInjuryRate") ? in.decimal("workInjuryRate") : null, date, why);
        CalculationResult result = new CalculationResult().amount(after.total())
                .money("unemployment", after.unemployment()).money("maternity", after.maternity())
                .money("workInjury", after.workInjury()).money("total", after.total());
        if (given == CURRENT.size()) {
            BigDecimal before = base.multiply(in.decimal("currentUnemploymentRate"))
                    .add(base.multiply(in.decimal("currentMaternityRate")))
                    .add(base.multiply(in.decimal("currentWorkInjuryRate")));
            BigDecimal saving = before.subtract(after.total());
            why.step("调整前与对比 / Before, and the saving")
                    .formula("totalBefore = payroll × (currentUnemploymentRate + currentMaternityRate + currentWorkInjuryRate); "
                            + "saving = totalBefore − total")
                    .input("payroll", base)
                    .input("currentUnemploymentRate", in.decimal("currentUnemploymentRate"))
                    .input("currentMaternityRate", in.decimal("currentMaternityRate"))
                    .input("currentWorkInjuryRate", in.decimal("currentWorkInjuryRate"))
                    .result(Money.format(saving)).add();
            result.money("totalBefore", before).money("saving", saving);
        }
        return result.explanation(why.build());
    }

    /**
     * Contributions on {@code base} at the rates in force on {@code date}; {@code ownWorkInjuryRate} {@code null}
     * means the provincial average, with a caveat. Adds one step per insurance to {@code why}.
     */
    public Contributions at2017Rates(BigDecimal base, BigDecimal ownWorkInjuryRate, LocalDate date,
                                     ExplanationBuilder why) {
        ParameterValue p = rule(date);
        BigDecimal unemployment = base.multiply(p.decimal("unemployment"));
        why.step("失业保险 / Unemployment insurance").formula("unemployment = base × unemployment rate")
                .input("base", base).parameter(p.field("unemployment"))
                .result(Money.format(unemployment)).cite(p.citation()).add();
        BigDecimal maternity = base.multiply(p.decimal("maternity"));
        why.step("生育保险 / Maternity insurance").formula("maternity = base × maternity rate")
                .input("base", base).parameter(p.field("maternity"))
                .result(Money.format(maternity)).cite(p.citation()).add();
        ExplanationBuilder.Step step = why.step("工伤保险 / Work-injury insurance").input("base", base);
        BigDecimal rate;
        if (ownWorkInjuryRate != null) {
            rate = ownWorkInjuryRate;
            step.formula("workInjury = base × workInjuryRate (the enterprise's industry rate)")
                    .input("workInjuryRate", rate);
        } else {
            rate = p.decimal("workInjuryAverage");
            step.formula("workInjury = base × workInjuryAverage (no own rate given)").parameter(p.field("workInjuryAverage"));
            why.caveat("工伤保险按行业差别费率缴纳，平均0.64%；未提供本企业费率时按平均费率估算。 / Work-injury insurance is "
                    + "rated by industry, averaging 0.64%; without the enterprise's own rate the average is used as an estimate.");
        }
        BigDecimal workInjury = base.multiply(rate);
        step.result(Money.format(workInjury)).cite(p.citation()).add();
        Contributions c = new Contributions(base, unemployment, maternity, workInjury);
        why.step("合计 / Total").formula("total = unemployment + maternity + workInjury")
                .input("unemployment", Money.format(unemployment)).input("maternity", Money.format(maternity))
                .input("workInjury", Money.format(workInjury))
                .result(Money.format(c.total())).add();
        return c;
    }
}
