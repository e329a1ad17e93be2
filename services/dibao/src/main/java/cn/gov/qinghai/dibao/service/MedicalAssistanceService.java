package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.rules.MedicalAssistanceRule;
import cn.gov.qinghai.dibao.v1.MedicalAssistance;
import cn.gov.qinghai.dibao.v1.MedicalAssistanceRequest;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The public medical-assistance calculator (青政办〔2017〕86号 二(一)). */
@Singleton
public class MedicalAssistanceService {

    private static final List<String> GROUPS = List.of("DIBAO", "TEKUN", "REGISTERED_POOR", "OTHER");
    private final PolicyParameter parameter;

    public MedicalAssistanceService(ParameterRegistry parameters) {
        this.parameter = parameters.get("dibao.medical_assistance");
    }

    public MedicalAssistance calculate(MedicalAssistanceRequest request) {
        FieldErrors errors = new FieldErrors();
        int first = parameter.values().get(0).from().getYear();
        errors.check(
                request.getYear() >= first && request.getYear() <= EstimateService.MAX_YEAR,
                "year",
                "must be between " + first + " and " + EstimateService.MAX_YEAR);
        errors.check(GROUPS.contains(request.getGroup()), "group", "must be one of " + GROUPS);
        if (!request.hasAge()) {
            errors.add("age", "is required (0..130)");
        } else {
            errors.check(request.getAge() >= 0 && request.getAge() <= 130, "age", "must be between 0 and 130");
        }
        DecimalRule money = DecimalRule.money().max("100000000");
        BigDecimal expenses = errors.decimal("eligibleExpenses", request.getEligibleExpenses(), money);
        BigDecimal ratio = errors.decimal("baseRatio", request.getBaseRatio(), DecimalRule.rate());
        BigDecimal paid = errors.optionalDecimal("paidThisYear", request.getPaidThisYear(), money);
        BigDecimal contribution = errors.optionalDecimal(
                "insurancePersonalContribution", request.getInsurancePersonalContribution(), money);
        BigDecimal localCap = errors.optionalDecimal("localCap", request.getLocalCap(), money);
        errors.throwIfAny();

        LocalDate date = LocalDate.of(request.getYear(), 12, 31);
        var p = parameter.at(date);
        ExplanationBuilder why = new ExplanationBuilder();
        MedicalAssistanceRule.Result r = MedicalAssistanceRule.compute(
                request.getGroup(),
                request.getAge(),
                expenses,
                ratio,
                Objects.requireNonNullElse(paid, BigDecimal.ZERO),
                Objects.requireNonNullElse(contribution, BigDecimal.ZERO),
                localCap,
                p,
                why);
        if (date.isAfter(
                LocalDate.parse(p.asMap().get("campaignLastDayInclusive").toString()))) {
            why.caveat("二(一) applies during the poverty-alleviation campaign (脱贫攻坚期间), which ended in 2020; check "
                    + "whether a later document continues it. / 脱贫攻坚期已结束，请核对后续政策。");
        }
        if (r.keyGroup() && r.cap() == null) {
            why.caveat("No local annual cap was given; the assistance is not capped. / 未提供本地封顶线。");
        }
        return MedicalAssistance.newBuilder()
                .setKeyGroup(r.keyGroup())
                .setInsuranceContributionSubsidy(Money.format(r.contributionSubsidy()))
                .setRatioApplied(Money.plain(r.ratio()))
                .setCapApplied(r.cap() == null ? "" : Money.format(r.cap()))
                .setAssistance(Money.format(r.assistance()))
                .setExplanation(why.build())
                .build();
    }
}
