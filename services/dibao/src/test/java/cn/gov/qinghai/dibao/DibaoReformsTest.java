package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.ExplanationStep;
import cn.gov.qinghai.common.v1.OutputDifference;
import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.ParameterUse;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.EstimateMember;
import cn.gov.qinghai.dibao.v1.Income;
import cn.gov.qinghai.dibao.v1.MedicalAssistance;
import cn.gov.qinghai.dibao.v1.MedicalAssistanceRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reforms on the public estimator and the medical-assistance calculator over real gRPC (issue 24): the baseline stays the law, the reform answer sits
 * beside it with its changed steps marked and the overridden figure hypothetical; the day before and the day of an
 * override's date; every bad field of request and reform named at once.
 */
class DibaoReformsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    private final RunningService service = SERVICE.service();
    private final DibaoServiceGrpc.DibaoServiceBlockingStub dibao = DibaoServiceGrpc.newBlockingStub(service.channel());

    @Test
    void aHigherFloorRaisesTheGapBenefitBesideTheUnchangedBaseline() {
        BenefitEstimate r = dibao.estimateBenefit(adultEarning("3000", floor("4200", "2018-01-01")));
        assertEquals("3762.00", r.getAnnualStandard());
        assertEquals("63.50", r.getMonthlyGapBenefit(), "(3762 − 3000) ÷ 12, the law");
        BenefitEstimate reform = r.getReformEstimate();
        assertEquals("4200.00", reform.getAnnualStandard());
        assertEquals("100.00", reform.getMonthlyGapBenefit(), "(4200 − 3000) ÷ 12 under the reform");
        assertFalse(reform.hasReformEstimate());
        ExplanationStep standard = reform.getExplanation().getSteps(0);
        assertTrue(standard.getChangedByReform());
        ParameterUse floorUsed = standard.getParametersList().stream()
                .filter(p -> p.getId().equals("dibao.provincial_floor"))
                .findFirst()
                .orElseThrow();
        assertTrue(floorUsed.getHypothetical());
        assertTrue(floorUsed.getCitation().getDocument().contains("Hypothetical reform"));
        assertFalse(r.getExplanation().getSteps(0).getChangedByReform(), "the baseline is never marked");
        assertFalse(r.getExplanation().getSteps(0).getParameters(0).getHypothetical());
        assertTrue(reform.getExplanation().getCaveatsList().stream().anyMatch(c -> c.contains("not the law")));
        List<String> changed = r.getReformDifferences().getOutputsList().stream()
                .map(OutputDifference::getField)
                .toList();
        assertTrue(
                changed.containsAll(List.of("annualStandard", "monthlyGapBenefit", "monthlyTotal")),
                changed.toString());
        assertFalse(changed.contains("countedAnnualIncome"), changed.toString());
        assertEquals(
                "2018-01-01",
                r.getReformDifferences().getApplied().getOverrides(0).getFrom());
    }

    @Test
    void aHouseholdBecomesEligibleUnderTheReform() {
        BenefitEstimate r = dibao.estimateBenefit(adultEarning("4000", floor("4200", "2018-01-01")));
        assertFalse(r.getEligible());
        assertTrue(r.getReformEstimate().getEligible());
        assertTrue(r.getReformDifferences().getOutputsList().stream()
                .anyMatch(d -> d.getField().equals("eligible")
                        && d.getBaseline().equals("false")
                        && d.getReform().equals("true")));
    }

    @Test
    void theDayBeforeAndTheDayOfTheOverridesDate() {
        // The estimate of year Y is taken on 31 December of Y.
        BenefitEstimate onTheDay = dibao.estimateBenefit(adultEarning("3000", floor("4200", "2018-12-31")));
        assertEquals("100.00", onTheDay.getReformEstimate().getMonthlyGapBenefit());
        BenefitEstimate dayAfter = dibao.estimateBenefit(adultEarning("3000", floor("4200", "2019-01-01")));
        assertEquals("63.50", dayAfter.getReformEstimate().getMonthlyGapBenefit(), "not yet in force on 2018-12-31");
        assertEquals(0, dayAfter.getReformDifferences().getOutputsCount());
        assertTrue(dayAfter.getReformDifferences().getChangedStepsList().isEmpty());
    }

    @Test
    void aStructuredOverrideChangesOneFieldOfTheClassifiedAllowance() {
        EstimateBenefitRequest request = EstimateBenefitRequest.newBuilder()
                .setYear(2018)
                .addMembers(EstimateMember.newBuilder().setAge(70))
                .setReform(Reform.newBuilder()
                        .setName("分类施保金25元")
                        .addOverrides(ParameterOverride.newBuilder()
                                .setId("dibao.classified_allowance")
                                .setValue("{\"monthlyAmount\":\"25\"}")))
                .build();
        BenefitEstimate r = dibao.estimateBenefit(request);
        assertEquals("17.00", r.getMonthlyAllowances());
        assertEquals("25.00", r.getReformEstimate().getMonthlyAllowances());
        assertTrue(r.getReformEstimate().getExplanation().getStepsList().stream()
                .filter(ExplanationStep::getChangedByReform)
                .anyMatch(s -> s.getParametersList().stream().anyMatch(ParameterUse::getHypothetical)));
    }

    @Test
    void everyBadFieldOfTheRequestAndTheReformIsNamedAtOnce() {
        EstimateBenefitRequest bad = EstimateBenefitRequest.newBuilder()
                .setYear(2018)
                .setReform(Reform.newBuilder()
                        .addOverrides(ParameterOverride.newBuilder()
                                .setId("dibao.no_such")
                                .setValue("1"))
                        .addOverrides(ParameterOverride.newBuilder()
                                .setId("dibao.provincial_floor")
                                .setValue("lots")
                                .setFrom("2017-01-01")
                                .setUnit("CNY/month")))
                .build();
        GrpcErrorDetails e = GrpcErrorDetails.of(
                Assertions.assertThrows(StatusRuntimeException.class, () -> dibao.estimateBenefit(bad)));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(
                List.of("members", "reform.overrides[0].id", "reform.overrides[1].unit", "reform.overrides[1].from"),
                e.fields());
    }

    @Test
    void theMedicalAssistanceCalculatorTakesAReformTheSameWay() {
        MedicalAssistance r = dibao.calculateMedicalAssistance(MedicalAssistanceRequest.newBuilder()
                .setYear(2018)
                .setGroup("DIBAO")
                .setAge(10)
                .setEligibleExpenses("10000")
                .setBaseRatio("0.70")
                .setReform(Reform.newBuilder()
                        .addOverrides(ParameterOverride.newBuilder()
                                .setId("dibao.medical_assistance")
                                .setValue("{\"childRatioIncrease\":\"0.20\"}")))
                .build());
        assertEquals("0.8", r.getRatioApplied());
        assertEquals("0.9", r.getReformAssistance().getRatioApplied());
        assertEquals("9000.00", r.getReformAssistance().getAssistance());
        assertTrue(r.getReformDifferences().getOutputsList().stream()
                .anyMatch(d -> d.getField().equals("assistance")));
        GrpcErrorDetails bad = GrpcErrorDetails.of(Assertions.assertThrows(
                StatusRuntimeException.class,
                () -> dibao.calculateMedicalAssistance(MedicalAssistanceRequest.newBuilder()
                        .setYear(2018)
                        .setGroup("DIBAO")
                        .setAge(10)
                        .setEligibleExpenses("10000")
                        .setBaseRatio("0.70")
                        .setReform(Reform.newBuilder()
                                .addOverrides(ParameterOverride.newBuilder()
                                        .setId("dibao.medical_assistance")
                                        .setValue("{\"childRatio\":\"0.2\"}")))
                        .build())));
        assertEquals(List.of("reform.overrides[0].value.childRatio"), bad.fields());
    }

    private static EstimateBenefitRequest adultEarning(String annualWage, Reform reform) {
        return EstimateBenefitRequest.newBuilder()
                .setYear(2018)
                .addMembers(EstimateMember.newBuilder()
                        .setAge(40)
                        .addIncomes(Income.newBuilder().setType("WAGE").setAnnualAmount(annualWage)))
                .setReform(reform)
                .build();
    }

    private static Reform floor(String value, String from) {
        return Reform.newBuilder()
                .setName("底线提高")
                .addOverrides(ParameterOverride.newBuilder()
                        .setId("dibao.provincial_floor")
                        .setValue(value)
                        .setFrom(from))
                .build();
    }
}
