package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.CountyStandard;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.GetCountyStandardRequest;
import cn.gov.qinghai.dibao.v1.MedicalAssistance;
import cn.gov.qinghai.dibao.v1.MedicalAssistanceRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import com.google.protobuf.util.JsonFormat;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Rule cases as data (src/test/resources/rules/*.yaml), each run over real gRPC against the running service. The
 * estimator inputs are parsed from JSON with protobuf JsonFormat, exactly as the gateway maps the REST body.
 */
class DibaoRuleCasesTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    static Stream<Arguments> estimateCases() {
        return cases("rules/estimate.yaml");
    }

    static Stream<Arguments> countyStandardCases() {
        return cases("rules/county_standard.yaml");
    }

    @ParameterizedTest
    @MethodSource("estimateCases")
    void estimate(Map<String, Object> input, Map<String, Object> expect) throws Exception {
        EstimateBenefitRequest.Builder request = EstimateBenefitRequest.newBuilder();
        JsonFormat.parser().merge(DibaoTestSupport.json(input), request);
        if (expect.containsKey("error")) {
            GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                    StatusRuntimeException.class, () -> DibaoTestSupport.stub().estimateBenefit(request.build())));
            assertEquals(expect.get("error"), e.code().name());
            assertEquals(expect.get("fields"), e.fields());
            return;
        }
        BenefitEstimate answer = DibaoTestSupport.stub().estimateBenefit(request.build());
        assertEquals(expect.get("eligible"), answer.getEligible());
        assertEquals(expect.get("perCapitaAnnualIncome"), answer.getPerCapitaAnnualIncome());
        assertEquals(expect.get("monthlyGapBenefit"), answer.getMonthlyGapBenefit());
        assertEquals(expect.get("monthlyAllowances"), answer.getMonthlyAllowances());
        assertEquals(expect.get("monthlyTotal"), answer.getMonthlyTotal());
        assertEquals(expect.get("annualStandard"), answer.getAnnualStandard());
        assertEquals(expect.getOrDefault("rigidExpenditureDeducted", "0.00"), answer.getRigidExpenditureDeducted());
        assertEquals(expect.getOrDefault("expenditureTypePoverty", false), answer.getExpenditureTypePoverty());
        if (expect.containsKey("assessedAnnualIncome")) {
            assertEquals(expect.get("assessedAnnualIncome"), answer.getAssessedAnnualIncome());
        }
        assertFalse(answer.getExplanation().getStepsList().isEmpty());
        Object caveats = expect.getOrDefault("caveats", false);
        if (caveats instanceof List<?> fragments) {
            assertCaveats(fragments, answer.getExplanation().getCaveatsList());
        } else {
            assertEquals(caveats, !answer.getExplanation().getCaveatsList().isEmpty());
        }
        answer.getExplanation()
                .getStepsList()
                .forEach(step -> assertFalse(
                        step.getCitation().getDocument().isEmpty(), "every step cites: " + step.getTitle()));
    }

    static Stream<Arguments> medicalCases() {
        return cases("rules/medical_assistance.yaml");
    }

    @ParameterizedTest
    @MethodSource("medicalCases")
    void medical(Map<String, Object> input, Map<String, Object> expect) throws Exception {
        MedicalAssistanceRequest.Builder request = MedicalAssistanceRequest.newBuilder();
        JsonFormat.parser().merge(DibaoTestSupport.json(input), request);
        if (expect.containsKey("error")) {
            GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                    StatusRuntimeException.class,
                    () -> DibaoTestSupport.stub().calculateMedicalAssistance(request.build())));
            assertEquals(expect.get("error"), e.code().name());
            assertEquals(expect.get("fields"), e.fields());
            return;
        }
        MedicalAssistance answer = DibaoTestSupport.stub().calculateMedicalAssistance(request.build());
        assertEquals(expect.get("keyGroup"), answer.getKeyGroup());
        assertEquals(expect.get("insuranceContributionSubsidy"), answer.getInsuranceContributionSubsidy());
        assertEquals(expect.get("ratioApplied"), answer.getRatioApplied());
        assertEquals(expect.get("capApplied"), answer.getCapApplied());
        assertEquals(expect.get("assistance"), answer.getAssistance());
        assertFalse(answer.getExplanation().getStepsList().isEmpty());
        if (expect.containsKey("caveats")) {
            assertCaveats(
                    (List<?>) expect.get("caveats"), answer.getExplanation().getCaveatsList());
        }
    }

    @ParameterizedTest
    @MethodSource("countyStandardCases")
    void countyStandard(Map<String, Object> input, Map<String, Object> expect) {
        GetCountyStandardRequest request = GetCountyStandardRequest.newBuilder()
                .setCounty((String) input.get("county"))
                .setDate((String) input.get("date"))
                .build();
        if (expect.containsKey("error")) {
            GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                    StatusRuntimeException.class, () -> DibaoTestSupport.stub().getCountyStandard(request)));
            assertEquals(expect.get("error"), e.code().name());
            assertEquals(expect.get("fields"), e.fields());
            return;
        }
        CountyStandard answer = DibaoTestSupport.stub().getCountyStandard(request);
        assertEquals(expect.get("annualAmount"), answer.getAnnualAmount());
        assertEquals(expect.get("source"), answer.getSource());
        assertEquals(expect.get("effectiveFrom"), answer.getEffectiveFrom());
        assertEquals("青政办〔2017〕86号", answer.getCitation().getDocument());
    }

    /** Each expected fragment appears in one of the caveats, and there are no other caveats. */
    private static void assertCaveats(List<?> fragments, List<String> caveats) {
        assertEquals(fragments.size(), caveats.size(), caveats.toString());
        for (Object fragment : fragments) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    caveats.stream().anyMatch(c -> c.contains(String.valueOf(fragment))), fragment + " in " + caveats);
        }
    }

    @SuppressWarnings("unchecked")
    private static Stream<Arguments> cases(String resource) {
        try (InputStream in = DibaoRuleCasesTest.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> doc = new Yaml().load(in);
            List<Map<String, Object>> cases = (List<Map<String, Object>>) doc.get("cases");
            return cases.stream()
                    .map(c -> Arguments.of(Named.of((String) c.get("name"), c.get("input")), c.get("expect")))
                    .toList()
                    .stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
