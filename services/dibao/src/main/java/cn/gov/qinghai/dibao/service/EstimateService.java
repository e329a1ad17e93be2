package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.rules.AllowanceLine;
import cn.gov.qinghai.dibao.rules.Assessment;
import cn.gov.qinghai.dibao.rules.BenefitAssessor;
import cn.gov.qinghai.dibao.rules.HouseholdFacts;
import cn.gov.qinghai.dibao.rules.IncomeItem;
import cn.gov.qinghai.dibao.rules.IncomeTypes;
import cn.gov.qinghai.dibao.rules.Person;
import cn.gov.qinghai.dibao.rules.ProvincialFloor;
import cn.gov.qinghai.dibao.rules.StandardApplied;
import cn.gov.qinghai.dibao.v1.Allowance;
import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.EstimateMember;
import cn.gov.qinghai.dibao.v1.WorkAbility;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.money.Money;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The public benefit estimator: what a household would receive in a year under 青政办〔2017〕86号 二(二)–二(三).
 * The policy date of year Y is 31 December of Y (the floor of Y applies to the whole year; see provincial_floor.yaml).
 */
@Singleton
public class EstimateService {

    static final int MAX_YEAR = 2100;
    private final IncomeTypes incomeTypes;
    private final ProvincialFloor floor;
    private final BenefitAssessor assessor;
    private final CountyStandardService standards;
    private final CountyPaymentMethodService paymentMethods;

    public EstimateService(
            IncomeTypes incomeTypes,
            ProvincialFloor floor,
            BenefitAssessor assessor,
            CountyStandardService standards,
            CountyPaymentMethodService paymentMethods) {
        this.paymentMethods = paymentMethods;
        this.incomeTypes = incomeTypes;
        this.floor = floor;
        this.assessor = assessor;
        this.standards = standards;
    }

    public BenefitEstimate estimate(EstimateBenefitRequest request) {
        FieldErrors errors = new FieldErrors();
        int first = floor.firstDate().getYear();
        int year = request.getYear();
        boolean yearOk = errors.check(
                year >= first && year <= MAX_YEAR,
                "year",
                year == 0
                        ? "is required (" + first + ".." + MAX_YEAR + ")"
                        : "must be between " + first + " and " + MAX_YEAR + " (the floor of 二(三) starts in " + first
                                + ")");
        LocalDate date = yearOk ? LocalDate.of(year, 12, 31) : LocalDate.of(first, 12, 31);
        Set<String> known = incomeTypes.known(date);
        List<Person> members = new ArrayList<>();
        if (request.getMembersCount() == 0) {
            errors.add("members", "must list at least one member");
        } else if (request.getMembersCount() > MemberValidation.MAX_MEMBERS) {
            errors.add("members", "must have at most " + MemberValidation.MAX_MEMBERS + " members");
        } else {
            for (int i = 0; i < request.getMembersCount(); i++) {
                FieldErrors at = errors.at("members[" + i + "]");
                EstimateMember m = request.getMembers(i);
                Integer age = null;
                if (!m.hasAge()) {
                    at.add("age", "is required (0.." + MemberValidation.MAX_AGE + ")");
                } else if (at.check(
                        m.getAge() >= 0 && m.getAge() <= MemberValidation.MAX_AGE,
                        "age",
                        "must be between 0 and " + MemberValidation.MAX_AGE + ", found " + m.getAge())) {
                    age = m.getAge();
                }
                Integer grade = MemberValidation.disabilityGrade(at, m.hasDisabilityGrade(), m.getDisabilityGrade());
                List<IncomeItem> incomes = MemberValidation.incomes(at, m.getIncomesList(), known);
                var rigid = MemberValidation.rigid(at, m.hasRigidExpenditure(), m.getRigidExpenditure());
                if (age != null) {
                    members.add(new Person(
                            age,
                            grade,
                            m.getBedridden(),
                            m.getHasFixedIncome(),
                            WorkAbility.WORK_ABILITY_UNSPECIFIED,
                            incomes,
                            rigid));
                }
            }
        }
        BigDecimal countyStandard = errors.optionalDecimal(
                "countyStandard",
                request.getCountyStandard(),
                DecimalRule.positiveMoney().max("1000000"));
        String county = request.getCounty().isEmpty() ? null : errors.qinghaiRegion("county", request.getCounty());
        errors.throwIfAny();

        ExplanationBuilder why = new ExplanationBuilder();
        StandardApplied standard = countyStandard != null
                ? StandardApplied.of(
                        floor.at(date),
                        countyStandard,
                        "COUNTY_GIVEN",
                        "county standard given in the request",
                        floor.at(date).citation())
                : county == null
                        ? StandardApplied.of(floor.at(date), null, "", "", null) // no database needed
                        : standards.applied(county, date);
        // a county's 按档补助 applies when the request names the county (二(三)); otherwise 据实补差
        var method = county == null
                ? cn.gov.qinghai.dibao.rules.PaymentMethodApplied.GAP
                : paymentMethods.applied(county, date);
        Assessment a =
                assessor.assess(new HouseholdFacts(request.getSingleParent(), members), date, standard, method, why);
        BenefitEstimate.Builder out = BenefitEstimate.newBuilder()
                .setEligible(a.eligible())
                .setAnnualStandard(Money.format(a.standard().annual()))
                .setHouseholdSize(a.householdSize())
                .setCountedAnnualIncome(Money.format(a.countedIncome()))
                .setPerCapitaAnnualIncome(Money.format(a.perCapita()))
                .setMonthlyGapBenefit(Money.format(a.monthlyGap()))
                .setMonthlyAllowances(Money.format(a.monthlyAllowances()))
                .setMonthlyTotal(Money.format(a.monthlyTotal()))
                .setRigidExpenditureDeducted(Money.format(a.rigidDeducted()))
                .setAssessedAnnualIncome(Money.format(a.assessedIncome()))
                .setExpenditureTypePoverty(a.expenditureType())
                .setPaymentMethod(cn.gov.qinghai.dibao.v1.PaymentMethod.valueOf(a.paymentMethod()))
                .setTier(a.tier());
        for (AllowanceLine l : a.allowances()) {
            out.addAllowances(toProto(l));
        }
        var explanation = a.explanation().toBuilder();
        if (date.isAfter(floor.lastFigureDate().plusYears(1).minusDays(1))) {
            explanation.addCaveats(
                    "二(三) gives floors up to 2019 only; the 2019 floor is used for " + year + ". / 文件仅规定至2019年底的底线标准。");
        }
        LocalDate exclusionEnds = LocalDate.parse(incomeTypes
                .at(date)
                .asMap()
                .get("exclusionPeriodLastDayInclusive")
                .toString());
        if (date.isAfter(exclusionEnds)) {
            explanation.addCaveats("二(二) excludes the listed incomes during the 13th Five-Year Plan (2016–2020); the "
                    + "exclusion is kept for " + year
                    + " because no later document revokes it. / “十三五”期间不计入的规定在此后继续适用。");
        }
        return out.setExplanation(explanation).build();
    }

    static Allowance toProto(AllowanceLine l) {
        return Allowance.newBuilder()
                .setKind(l.kind())
                .setMemberIndex(l.memberIndex())
                .setMonthlyAmount(Money.format(l.monthly()))
                .setReason(l.reason())
                .build();
    }
}
