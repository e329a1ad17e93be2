package cn.gov.qinghai.wage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
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

/** Rule cases as data (src/test/resources/rules/*.yaml), each run over real gRPC against the running service. */
class WageRuleCasesTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = WageTestSupport.SERVICE;

    private final WageServiceGrpc.WageServiceBlockingStub wage =
            WageServiceGrpc.newBlockingStub(SERVICE.service().channel());

    static Stream<Arguments> minimumWageCases() {
        return cases("rules/minimum_wage.yaml");
    }

    static Stream<Arguments> complianceCases() {
        return cases("rules/compliance.yaml");
    }

    @ParameterizedTest
    @MethodSource("minimumWageCases")
    void minimumWage(Map<String, Object> input, Map<String, Object> expect) {
        GetMinimumWageRequest request = GetMinimumWageRequest.newBuilder()
                .setRegion((String) input.get("region"))
                .setDate((String) input.get("date"))
                .build();
        if (expect.containsKey("error")) {
            GrpcErrorDetails e =
                    GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, () -> wage.getMinimumWage(request)));
            assertEquals(expect.get("error"), e.code().name());
            assertEquals(expect.get("reason"), e.reason());
            return;
        }
        MinimumWage answer = wage.getMinimumWage(request);
        assertEquals(expect.get("monthly"), answer.getMonthly());
        assertEquals(expect.get("hourly"), answer.getHourly());
        assertEquals(expect.get("document"), answer.getCitation().getDocument());
        assertEquals(expect.get("startUnknown"), answer.getStartUnknown());
        assertEquals(expect.getOrDefault("effectiveFrom", ""), answer.getEffectiveFrom());
        assertFalse(answer.getExplanation().getStepsList().isEmpty());
        boolean startCaveat = answer.getExplanation().getCaveatsList().stream()
                .anyMatch(c -> c.contains("began to apply")
                        && c.contains(answer.getCitation().getDocument()));
        assertEquals(answer.getStartUnknown(), startCaveat);
    }

    @ParameterizedTest
    @MethodSource("complianceCases")
    void compliance(Map<String, Object> input, Map<String, Object> expect) {
        PayrollRecord.Builder r = PayrollRecord.newBuilder()
                .setRegion((String) input.get("region"))
                .setPeriod((String) input.get("period"))
                .setEmployment(Employment.valueOf((String) input.get("employment")))
                .setGrossPay((String) input.get("grossPay"));
        if (input.containsKey("hoursWorked")) {
            r.setHoursWorked((String) input.get("hoursWorked"));
        }
        if (input.containsKey("overtimePay")) {
            r.setOvertimePay((String) input.get("overtimePay"));
        }
        if (input.containsKey("specialConditionAllowances")) {
            r.setSpecialConditionAllowances((String) input.get("specialConditionAllowances"));
        }
        if (input.containsKey("statutoryWelfare")) {
            r.setStatutoryWelfare((String) input.get("statutoryWelfare"));
        }
        if (input.containsKey("employerType")) {
            r.setEmployerType(cn.gov.qinghai.wage.v1.EmployerType.valueOf((String) input.get("employerType")));
        }
        if (expect.containsKey("refusedField")) {
            // 青政〔2017〕41号 二: an employer the scope does not list is refused with the reason, as invalid input.
            io.grpc.StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.grpc.StatusRuntimeException.class,
                    () -> wage.checkCompliance(
                            CheckComplianceRequest.newBuilder().addRecords(r).build()));
            assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            var details = cn.gov.qinghai.kit.testing.GrpcErrorDetails.of(e);
            assertEquals(List.of("records[0]." + expect.get("refusedField")), details.fields());
            var badRequest = io.grpc.protobuf.StatusProto.fromThrowable(e).getDetailsList().stream()
                    .filter(a -> a.is(com.google.rpc.BadRequest.class))
                    .findFirst()
                    .orElseThrow();
            String descriptions;
            try {
                descriptions = badRequest.unpack(com.google.rpc.BadRequest.class).getFieldViolationsList().stream()
                        .map(com.google.rpc.BadRequest.FieldViolation::getDescription)
                        .toList()
                        .toString();
            } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                throw new AssertionError(x);
            }
            org.junit.jupiter.api.Assertions.assertTrue(
                    descriptions.contains((String) expect.get("reasonContains")), descriptions);
            return;
        }
        ComplianceResult result = wage.checkCompliance(
                        CheckComplianceRequest.newBuilder().addRecords(r).build())
                .getResults(0);
        assertEquals(expect.get("compliant"), result.getCompliant());
        assertEquals(expect.get("countedPay"), result.getCountedPay());
        assertEquals(expect.get("minimumRequired"), result.getMinimumRequired());
        assertEquals(expect.get("shortfall"), result.getShortfall());
        // four steps, plus the scope step when the employer type is given (else a caveat says it was not checked)
        boolean typed = input.containsKey("employerType");
        assertEquals(typed ? 5 : 4, result.getExplanation().getStepsCount());
        assertEquals(!typed, result.getExplanation().getCaveatsList().stream().anyMatch(c -> c.contains("41号 二")));
    }

    @SuppressWarnings("unchecked")
    private static Stream<Arguments> cases(String resource) {
        try (InputStream in = WageRuleCasesTest.class.getClassLoader().getResourceAsStream(resource)) {
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
