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
 *
 * <p>The unit type is an input: 43号 十三 sets the maternity rate for "企业和经费自理的事业单位" and the unemployment
 * and work-injury rates for enterprises ("企业失业保险", "参加企业工伤保险"). Which unit types each rate covers is in the
 * parameter ({@code …UnitTypes}); a unit no rate covers is not eligible, with that reason.
 */
@Singleton
public class SocialInsuranceContributions extends PolicyRule {

    private static final List<String> CURRENT =
            List.of("currentUnemploymentRate", "currentMaternityRate", "currentWorkInjuryRate");

    /** The unit type the labour-cost check and the default input assume. */
    public static final String ENTERPRISE = "enterprise";

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
                InputSpec.choice(
                                "unitType",
                                List.of(
                                        new InputSpec.Option(ENTERPRISE, "企业", "Enterprise"),
                                        new InputSpec.Option(
                                                "self-funded-public-institution",
                                                "经费自理的事业单位",
                                                "Self-funded public institution"),
                                        new InputSpec.Option(
                                                "other",
                                                "其他单位（机关、财政拨款事业单位、社会团体等）",
                                                "Other unit (state organ, budget-funded institution, social organisation …)")),
                                "参保单位类型",
                                "Type of the insured unit")
                        .withDefault(ENTERPRISE),
                InputSpec.money("payroll", "缴费工资总额（元，一个期间）", "Contribution base (payroll) for one period, CNY"),
                InputSpec.rate(
                                "workInjuryRate",
                                "本企业工伤保险行业费率（缺省按全省平均0.64%）",
                                "The enterprise's own work-injury rate (default: the 0.64% average)")
                        .optional(),
                InputSpec.rate(
                                "currentUnemploymentRate",
                                "调整前失业保险单位费率（对比用）",
                                "Unemployment rate before the cut, for comparison")
                        .optional(),
                InputSpec.rate(
                                "currentMaternityRate",
                                "调整前生育保险单位费率（对比用）",
                                "Maternity rate before the cut, for comparison")
                        .optional(),
                InputSpec.rate(
                                "currentWorkInjuryRate",
                                "调整前工伤保险单位费率（对比用）",
                                "Work-injury rate before the cut, for comparison")
                        .optional());
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
        String unitType = in.has("unitType") ? in.choice("unitType") : ENTERPRISE;
        if (unitType.equals(ENTERPRISE) && given > 0 && given < CURRENT.size()) {
            FieldErrors errors = new FieldErrors();
            CURRENT.stream()
                    .filter(n -> !in.has(n))
                    .forEach(n ->
                            errors.add(n, "is required when any current rate is given (a comparison needs all three)"));
            errors.throwIfAny();
        }
        ExplanationBuilder why = new ExplanationBuilder();
        BigDecimal base = in.decimal("payroll");
        if (!unitType.equals(ENTERPRISE)) {
            return forOtherUnit(unitType, base, in, date, why);
        }
        Contributions after =
                at2017Rates(base, in.has("workInjuryRate") ? in.decimal("workInjuryRate") : null, date, why);
        CalculationResult result = new CalculationResult()
                .amount(after.total())
                .money("unemployment", after.unemployment())
                .money("maternity", after.maternity())
                .money("workInjury", after.workInjury())
                .money("total", after.total());
        if (given == CURRENT.size()) {
            BigDecimal before = base.multiply(in.decimal("currentUnemploymentRate"))
                    .add(base.multiply(in.decimal("currentMaternityRate")))
                    .add(base.multiply(in.decimal("currentWorkInjuryRate")));
            BigDecimal saving = before.subtract(after.total());
            why.step("调整前与对比 / Before, and the saving")
                    .formula(
                            "totalBefore = payroll × (currentUnemploymentRate + currentMaternityRate + currentWorkInjuryRate); "
                                    + "saving = totalBefore − total")
                    .input("payroll", base)
                    .input("currentUnemploymentRate", in.decimal("currentUnemploymentRate"))
                    .input("currentMaternityRate", in.decimal("currentMaternityRate"))
                    .input("currentWorkInjuryRate", in.decimal("currentWorkInjuryRate"))
                    .result(Money.format(saving))
                    .add();
            result.money("totalBefore", before).money("saving", saving);
        }
        return result.explanation(why.build());
    }

    /**
     * A unit other than an enterprise: only the rates 43号 十三 sets for its type (the maternity rate for a
     * self-funded public institution); none for any other unit, which is then not eligible with the reason.
     */
    @SuppressWarnings("unchecked")
    private CalculationResult forOtherUnit(
            String unitType, BigDecimal base, Inputs in, LocalDate date, ExplanationBuilder why) {
        ParameterValue p = rule(date);
        boolean maternityCovered = ((List<Object>) p.asMap().get("maternityUnitTypes")).contains(unitType);
        why.step("适用单位 / Units covered")
                .formula("maternity 0.4% for maternityUnitTypes; unemployment and work-injury rates for enterprises")
                .input("unitType", unitType)
                .parameter(p.field("maternityUnitTypes"))
                .parameter(p.field("unemploymentUnitTypes"))
                .parameter(p.field("workInjuryUnitTypes"))
                .result(maternityCovered ? "maternity only" : "not covered")
                .cite(p.citation())
                .add();
        CalculationResult result = new CalculationResult();
        if (!maternityCovered) {
            return result.notEligible("43号 十三 的费率只适用于企业（生育保险另含经费自理的事业单位） / 43号 十三 sets these rates"
                            + " for enterprises, and the maternity rate also for self-funded public institutions; not for a unit"
                            + " of type " + unitType + " (" + p.citation().shortText() + ")")
                    .amount(BigDecimal.ZERO)
                    .explanation(why.build());
        }
        BigDecimal maternity = base.multiply(p.decimal("maternity"));
        why.step("生育保险 / Maternity insurance")
                .formula("maternity = base × maternity rate")
                .input("base", base)
                .parameter(p.field("maternity"))
                .result(Money.format(maternity))
                .cite(p.citation())
                .add();
        why.caveat("经费自理的事业单位：43号 十三 只规定其生育保险费率；失业、工伤保险费率按本单位现行规定。 / For a self-funded"
                + " public institution 43号 十三 sets only the maternity rate; its unemployment and work-injury rates are"
                + " not set by this clause and are not computed.");
        result.amount(maternity).money("maternity", maternity).money("total", maternity);
        if (in.has("currentMaternityRate")) {
            BigDecimal before = base.multiply(in.decimal("currentMaternityRate"));
            why.step("调整前与对比 / Before, and the saving")
                    .formula("totalBefore = payroll × currentMaternityRate; saving = totalBefore − total")
                    .input("payroll", base)
                    .input("currentMaternityRate", in.decimal("currentMaternityRate"))
                    .result(Money.format(before.subtract(maternity)))
                    .add();
            result.money("totalBefore", before).money("saving", before.subtract(maternity));
        }
        return result.explanation(why.build());
    }

    /**
     * Contributions on {@code base} at the rates in force on {@code date}; {@code ownWorkInjuryRate} {@code null}
     * means the provincial average, with a caveat. Adds one step per insurance to {@code why}.
     */
    public Contributions at2017Rates(
            BigDecimal base, BigDecimal ownWorkInjuryRate, LocalDate date, ExplanationBuilder why) {
        ParameterValue p = rule(date);
        BigDecimal unemployment = base.multiply(p.decimal("unemployment"));
        why.step("失业保险 / Unemployment insurance")
                .formula("unemployment = base × unemployment rate")
                .input("base", base)
                .parameter(p.field("unemployment"))
                .result(Money.format(unemployment))
                .cite(p.citation())
                .add();
        BigDecimal maternity = base.multiply(p.decimal("maternity"));
        why.step("生育保险 / Maternity insurance")
                .formula("maternity = base × maternity rate")
                .input("base", base)
                .parameter(p.field("maternity"))
                .result(Money.format(maternity))
                .cite(p.citation())
                .add();
        ExplanationBuilder.Step step = why.step("工伤保险 / Work-injury insurance").input("base", base);
        BigDecimal rate;
        if (ownWorkInjuryRate != null) {
            rate = ownWorkInjuryRate;
            step.formula("workInjury = base × workInjuryRate (the enterprise's industry rate)")
                    .input("workInjuryRate", rate);
        } else {
            rate = p.decimal("workInjuryAverage");
            step.formula("workInjury = base × workInjuryAverage (no own rate given)")
                    .parameter(p.field("workInjuryAverage"));
            why.caveat(
                    "工伤保险按行业差别费率缴纳，平均0.64%；未提供本企业费率时按平均费率估算。 / Work-injury insurance is "
                            + "rated by industry, averaging 0.64%; without the enterprise's own rate the average is used as an estimate.");
        }
        BigDecimal workInjury = base.multiply(rate);
        step.result(Money.format(workInjury)).cite(p.citation()).add();
        Contributions c = new Contributions(base, unemployment, maternity, workInjury);
        why.step("合计 / Total")
                .formula("total = unemployment + maternity + workInjury")
                .input("unemployment", Money.format(unemployment))
                .input("maternity", Money.format(maternity))
                .input("workInjury", Money.format(workInjury))
                .result(Money.format(c.total()))
                .add();
        return c;
    }
}
