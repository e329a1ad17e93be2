package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Assesses a household on a policy date (青政办〔2017〕86号 二(二), 二(三)): counted income, the rigid expenditure
 * deducted from it (expenditure-type poverty, 二(二)), eligibility and the monthly gap benefit on the assessed income,
 * and the monthly allowances (paid only to eligible households), with one explanation.
 */
@Singleton
public class BenefitAssessor {

    private final IncomeTypes incomeTypes;
    private final PolicyParameter classified;
    private final PolicyParameter living;
    private final PolicyParameter nursing;
    private final PolicyParameter rigid;

    public BenefitAssessor(ParameterRegistry parameters, IncomeTypes incomeTypes) {
        this.incomeTypes = incomeTypes;
        this.classified = parameters.get("dibao.classified_allowance");
        this.living = parameters.get("dibao.disability_living_allowance");
        this.nursing = parameters.get("dibao.severe_disability_nursing_subsidy");
        this.rigid = parameters.get("dibao.rigid_expenditure");
    }

    /** Assessment with exact gap payment (据实补差). */
    public Assessment assess(
            HouseholdFacts household, LocalDate date, StandardApplied standard, ExplanationBuilder why) {
        return assess(household, date, standard, PaymentMethodApplied.GAP, why);
    }

    /** Assessment with the county's payment method: 据实补差, or 按档补助 where the county publishes tiers (二(三)). */
    public Assessment assess(
            HouseholdFacts household,
            LocalDate date,
            StandardApplied standard,
            PaymentMethodApplied method,
            ExplanationBuilder why) {
        why.step("适用的低保标准 / Standard applied")
                .formula("county standard, but never below the provincial floor: max(county, floor)")
                .input("countyStandard", standard.county() == null ? "none" : Money.plain(standard.county()))
                .input("countySource", standard.note())
                .parameter(standard.floor())
                .result(Money.format(standard.annual()) + " CNY/person/year (" + standard.source() + ")")
                .cite(standard.citation())
                .add();
        if (standard.raisedToFloor()) {
            why.caveat("The county standard given (" + Money.plain(standard.county()) + ") is below the provincial "
                    + "floor; the floor " + Money.plain(standard.annual()) + " applies (二(三)). / 县级标准低于全省底线，按底线计算。");
        }
        BigDecimal counted = CountedIncome.compute(household, incomeTypes.at(date), why);
        RigidExpenditureDeduction.Result deduction =
                RigidExpenditureDeduction.compute(household, counted, rigid.at(date), why);
        BigDecimal assessed = deduction.assessedIncome();
        BigDecimal perCapita = GapBenefit.perCapita(assessed, household.size());
        boolean eligible = GapBenefit.eligible(perCapita, standard);
        boolean expenditureType =
                eligible && !GapBenefit.eligible(GapBenefit.perCapita(counted, household.size()), standard);
        BigDecimal gap = GapBenefit.monthly(assessed, household.size(), standard, why);
        String tier = "";
        if (eligible && method.tiered()) {
            TieredPayment.Result tiered =
                    TieredPayment.apply(method, standard.annual(), perCapita, household.size(), why);
            gap = tiered.monthly();
            tier = tiered.tier();
        }
        if (expenditureType) {
            why.step("支出型贫困 / Expenditure-type poverty")
                    .formula("counted income per person ≥ standard, but assessed income per person (after rigid "
                            + "expenditure) < standard → admitted as 支出型贫困家庭")
                    .input("countedPerCapita", Money.format(GapBenefit.perCapita(counted, household.size())))
                    .input("assessedPerCapita", Money.format(perCapita))
                    .input("standard", Money.format(standard.annual()))
                    .result("expenditure-type poverty: eligible because of rigid expenditure / 因刚性支出纳入低保")
                    .cite(rigid.at(date).citation())
                    .add();
        }
        List<AllowanceLine> allowances = new ArrayList<>();
        if (eligible) {
            allowances.addAll(ClassifiedAllowance.compute(household, classified.at(date), why));
            allowances.addAll(DisabilityLivingAllowance.compute(household, living.at(date), why));
            allowances.addAll(NursingSubsidy.compute(household, nursing.at(date), why));
        } else {
            why.step("补贴 / Allowances")
                    .formula("allowances are paid to dibao recipients only (低保对象中的特殊困难人员)")
                    .result("0.00 CNY/month: household not eligible")
                    .cite(Citation.of("青政办〔2017〕86号", "二(三)"))
                    .add();
        }
        BigDecimal monthlyAllowances =
                Money.yuan(allowances.stream().map(AllowanceLine::monthly).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal total = Money.yuan(gap.add(monthlyAllowances));
        why.step("每月合计 / Monthly total")
                .formula("monthlyTotal = monthlyGap (" + (method.tiered() ? "按档补助 tier" : "据实补差")
                        + ") + monthlyAllowances")
                .input("monthlyGap", Money.format(gap))
                .input("monthlyAllowances", Money.format(monthlyAllowances))
                .result(Money.format(total) + " CNY/month")
                .cite(Citation.of("青政办〔2017〕86号", "二(三)"))
                .add();
        return new Assessment(
                eligible,
                standard,
                household.size(),
                Money.yuan(counted),
                Money.yuan(perCapita),
                gap,
                List.copyOf(allowances),
                monthlyAllowances,
                total,
                why.build(),
                Money.yuan(deduction.deducted()),
                Money.yuan(assessed),
                expenditureType,
                method.method(),
                tier);
    }
}
