package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.dibao.data.CaseloadSimulationQuery;
import cn.gov.qinghai.dibao.data.CaseloadSimulationQuery.Group;
import cn.gov.qinghai.dibao.data.CaseloadSimulationQuery.Side;
import cn.gov.qinghai.dibao.rules.ProvincialFloor;
import cn.gov.qinghai.dibao.v1.CaseloadGroup;
import cn.gov.qinghai.dibao.v1.CaseloadSimulation;
import cn.gov.qinghai.dibao.v1.CaseloadSimulationCsv;
import cn.gov.qinghai.dibao.v1.CaseloadTotals;
import cn.gov.qinghai.dibao.v1.SimulateCaseloadRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.params.reform.ReformedParameters;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The caseload simulation (SimulateCaseload): a reform applied to every case paid in a month, baseline and reform
 * side by side, for the province, a prefecture or a county (county approvers and the poverty office, within their
 * region scope, as for the cross-match report). The parameters of each side are looked up here, once; the cases are
 * assessed and aggregated in PostgreSQL ({@link CaseloadSimulationQuery}). Reads only: nothing is stored.
 */
@Singleton
public class CaseloadSimulationService {

    /** The parameters the simulation applies set-based; the others are fixed when a case is approved. */
    static final Set<String> SUPPORTED = Set.of(
            ProvincialFloor.ID,
            "dibao.classified_allowance",
            "dibao.disability_living_allowance",
            "dibao.severe_disability_nursing_subsidy",
            "dibao.rigid_expenditure");

    private static final YearMonth LAST_MONTH = YearMonth.of(2100, 12);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final ParameterRegistry parameters;
    private final CaseloadSimulationQuery query;
    private final ProvincialFloor floor;
    private final Clock clock;

    public CaseloadSimulationService(
            ParameterRegistry parameters, CaseloadSimulationQuery query, ProvincialFloor floor, Clock clock) {
        this.parameters = parameters;
        this.query = query;
        this.floor = floor;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CaseloadSimulation simulate(SimulateCaseloadRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.COUNTY_APPROVER, Roles.POVERTY_OFFICE);
        FieldErrors errors = new FieldErrors();
        String region = errors.qinghaiRegion("region", request.getRegion());
        YearMonth month = month(errors, request.getMonth());
        ReformedParameters reformed = reform(errors, request);
        Side reformSide = null;
        Side baseline = null;
        if (month != null && reformed != null) {
            baseline = side(parameters, month.atDay(1));
            reformSide = reformSide(errors, request.getReform(), reformed, month.atDay(1));
        }
        errors.throwIfAny();
        caller.requireRegion(region);

        List<Group> groups = query.run(new Scope(region).likePattern(), month.atDay(1), baseline, reformSide);
        CaseloadSimulation.Builder out = CaseloadSimulation.newBuilder()
                .setRegion(region)
                .setMonth(month.toString())
                .setApplied(reformed.applied())
                .setComputedAt(clock.instant().toString());
        Group total = new Group(region, "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        for (Group g : groups) {
            out.addGroups(CaseloadGroup.newBuilder()
                    .setCounty(g.county())
                    .setClassification(g.classification())
                    .setTotals(totals(g)));
            total = add(total, g);
        }
        out.setTotals(totals(total));
        out.addCaveats("Every case paid in " + month + " (approved, or exited with payments retained through the "
                + "month) is assessed on its household as approved, ages on " + month.atDay(1) + ", with the county "
                + "standards and payment methods published for the month. / 按当月在册家庭测算。");
        out.addCaveats("Annual = the month's budget × 12: the caseload, ages and standards are held as in the month. "
                + "/ 年度预算 = 当月预算 × 12。");
        out.addCaveats("The reform's values are hypothetical, not law. / 改革参数为假设值，不是现行规定。");
        for (ParameterOverride o : reformed.applied().getOverridesList()) {
            if (LocalDate.parse(o.getFrom()).isAfter(month.atDay(1))) {
                out.addCaveats("The override of " + o.getId() + " starts on " + o.getFrom() + ", after "
                        + month.atDay(1) + ": it changes nothing in this month.");
            }
        }
        return out.build();
    }

    /** The same simulation as CSV: one row per county and class, then the region's total (class "ALL"). */
    @Transactional(readOnly = true)
    public CaseloadSimulationCsv csv(SimulateCaseloadRequest request) {
        CaseloadSimulation s = simulate(request);
        StringBuilder csv = new StringBuilder("county,classification,households,persons,baseline_eligible_households,"
                + "baseline_eligible_persons,reform_eligible_households,reform_eligible_persons,"
                + "newly_eligible_households,newly_eligible_persons,no_longer_eligible_households,"
                + "no_longer_eligible_persons,baseline_monthly,reform_monthly,baseline_annual,reform_annual,"
                + "monthly_difference,annual_difference\n");
        for (CaseloadGroup g : s.getGroupsList()) {
            row(csv, g.getCounty(), g.getClassification(), g.getTotals());
        }
        row(csv, s.getRegion(), "ALL", s.getTotals());
        return CaseloadSimulationCsv.newBuilder()
                .setFilename("caseload-simulation-" + s.getRegion() + "-" + s.getMonth() + ".csv")
                .setContent(csv.toString())
                .build();
    }

    private static void row(StringBuilder csv, String county, String cls, CaseloadTotals t) {
        csv.append(county)
                .append(',')
                .append(cls)
                .append(',')
                .append(t.getHouseholds())
                .append(',')
                .append(t.getPersons())
                .append(',')
                .append(t.getBaselineEligibleHouseholds())
                .append(',')
                .append(t.getBaselineEligiblePersons())
                .append(',')
                .append(t.getReformEligibleHouseholds())
                .append(',')
                .append(t.getReformEligiblePersons())
                .append(',')
                .append(t.getNewlyEligibleHouseholds())
                .append(',')
                .append(t.getNewlyEligiblePersons())
                .append(',')
                .append(t.getNoLongerEligibleHouseholds())
                .append(',')
                .append(t.getNoLongerEligiblePersons())
                .append(',')
                .append(t.getBaselineMonthly())
                .append(',')
                .append(t.getReformMonthly())
                .append(',')
                .append(t.getBaselineAnnual())
                .append(',')
                .append(t.getReformAnnual())
                .append(',')
                .append(t.getMonthlyDifference())
                .append(',')
                .append(t.getAnnualDifference())
                .append('\n');
    }

    private YearMonth month(FieldErrors errors, String value) {
        YearMonth m = errors.yearMonth("month", value);
        // The parameters are taken on the month's first day, so the first month is the first whole one in force.
        YearMonth first = YearMonth.from(floor.firstDate().minusDays(1)).plusMonths(1);
        if (m != null && (m.isBefore(first) || m.isAfter(LAST_MONTH))) {
            errors.add(
                    "month",
                    "must be between " + first + " (the first whole month 青政办〔2017〕86号 is in force) and " + LAST_MONTH);
            return null;
        }
        return m;
    }

    private ReformedParameters reform(FieldErrors errors, SimulateCaseloadRequest request) {
        if (!request.hasReform()) {
            errors.add("reform", "is required: at least one parameter override");
            return null;
        }
        Reform reform = request.getReform();
        ReformedParameters reformed = ReformedParameters.of(errors, "reform", reform, parameters);
        for (int i = 0; i < reform.getOverridesCount() && i < ReformedParameters.MAX_OVERRIDES; i++) {
            String id = reform.getOverrides(i).getId();
            if (parameters.has(id) && !SUPPORTED.contains(id)) {
                errors.at("reform")
                        .at("overrides[" + i + "]")
                        .add(
                                "id",
                                id + " is fixed when a case is approved and "
                                        + "cannot be simulated over the caseload; the simulation applies "
                                        + String.join(
                                                ", ",
                                                SUPPORTED.stream().sorted().toList())
                                        + " (try the estimator for one household)");
            }
        }
        return reformed;
    }

    /** The reform's side; an age bound that is not a whole number of years is named on its override. */
    private Side reformSide(FieldErrors errors, Reform reform, ReformedParameters reformed, LocalDate first) {
        try {
            return side(reformed.registry(), first);
        } catch (ArithmeticException e) {
            for (int i = 0; i < reform.getOverridesCount(); i++) {
                if (reform.getOverrides(i).getId().equals("dibao.classified_allowance")) {
                    errors.at("reform")
                            .at("overrides[" + i + "]")
                            .add(
                                    "value",
                                    "the age bounds (elderlyMinAgeInclusive, childMaxAgeInclusive) must be whole years");
                }
            }
            return null;
        }
    }

    /** One side's parameter values on {@code first}, from {@code registry} (the law, or the law with the reform). */
    public static Side side(ParameterRegistry registry, LocalDate first) {
        ParameterValue floorValue = registry.get(ProvincialFloor.ID).at(first);
        ParameterValue cls = registry.get("dibao.classified_allowance").at(first);
        ParameterValue living =
                registry.get("dibao.disability_living_allowance").at(first);
        ParameterValue nursing =
                registry.get("dibao.severe_disability_nursing_subsidy").at(first);
        ParameterValue rigid = registry.get("dibao.rigid_expenditure").at(first);
        int elderly = cls.decimal("elderlyMinAgeInclusive").intValueExact();
        int child = cls.decimal("childMaxAgeInclusive").intValueExact();
        // Ages as ResidentId.ageOn (whole years, Period): aged ≥ E on the 1st ⇔ born on or before the 1st − E years;
        // aged ≤ C ⇔ born after the 1st − (C + 1) years (someone born after the 1st counts as aged 0).
        return new Side(
                floorValue.decimal(),
                cls.decimal("monthlyAmount"),
                first.minusYears(elderly),
                first.minusYears(child + 1L),
                grades(cls.asMap().get("severeDisabilityGrades")),
                grades(living.asMap().get("severeGrades")),
                living.decimal("severeMonthly"),
                grades(living.asMap().get("otherGrades")),
                living.decimal("otherMonthly"),
                grades(nursing.asMap().get("grades")),
                nursing.decimal("monthly"),
                rigid.decimal("deductionRatio"),
                rigid.decimal("assessedIncomeMinInclusive"));
    }

    private static List<Integer> grades(Object list) {
        List<Integer> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object g : l) {
                try {
                    out.add(Integer.valueOf(String.valueOf(g).trim()));
                } catch (NumberFormatException e) {
                    throw ServiceException.invalid("reform", "disability grades must be whole numbers 1..4");
                }
            }
        }
        return out;
    }

    private static Group add(Group a, Group b) {
        return new Group(
                a.county(),
                "",
                a.households() + b.households(),
                a.persons() + b.persons(),
                a.baselineEligibleHouseholds() + b.baselineEligibleHouseholds(),
                a.baselineEligiblePersons() + b.baselineEligiblePersons(),
                a.reformEligibleHouseholds() + b.reformEligibleHouseholds(),
                a.reformEligiblePersons() + b.reformEligiblePersons(),
                a.newlyEligibleHouseholds() + b.newlyEligibleHouseholds(),
                a.newlyEligiblePersons() + b.newlyEligiblePersons(),
                a.noLongerEligibleHouseholds() + b.noLongerEligibleHouseholds(),
                a.noLongerEligiblePersons() + b.noLongerEligiblePersons(),
                a.baselineMonthly().add(b.baselineMonthly()),
                a.reformMonthly().add(b.reformMonthly()));
    }

    private static CaseloadTotals totals(Group g) {
        BigDecimal diff = g.reformMonthly().subtract(g.baselineMonthly());
        return CaseloadTotals.newBuilder()
                .setHouseholds(g.households())
                .setPersons(g.persons())
                .setBaselineEligibleHouseholds(g.baselineEligibleHouseholds())
                .setBaselineEligiblePersons(g.baselineEligiblePersons())
                .setReformEligibleHouseholds(g.reformEligibleHouseholds())
                .setReformEligiblePersons(g.reformEligiblePersons())
                .setNewlyEligibleHouseholds(g.newlyEligibleHouseholds())
                .setNewlyEligiblePersons(g.newlyEligiblePersons())
                .setNoLongerEligibleHouseholds(g.noLongerEligibleHouseholds())
                .setNoLongerEligiblePersons(g.noLongerEligiblePersons())
                .setBaselineMonthly(Money.format(g.baselineMonthly()))
                .setReformMonthly(Money.format(g.reformMonthly()))
                .setBaselineAnnual(Money.format(g.baselineMonthly().multiply(TWELVE)))
                .setReformAnnual(Money.format(g.reformMonthly().multiply(TWELVE)))
                .setMonthlyDifference(Money.format(diff))
                .setAnnualDifference(Money.format(diff.multiply(TWELVE)))
                .build();
    }
}
