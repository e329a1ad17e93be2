package cn.gov.qinghai.enterprisecost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import com.google.protobuf.Value;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Calculator rule cases as data ({@code rules/calculators.yaml}), each run over real gRPC. */
class CalculatorRuleCasesTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = EnterpriseCostTestSupport.SERVICE;

    static Stream<Arguments> cases() {
        return RuleCases.load("rules/calculators.yaml");
    }

    @ParameterizedTest
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void calculator(Map<String, Object> c) {
        CalculateRequest.Builder request = CalculateRequest.newBuilder().setCalculatorId((String) c.get("calculator"));
        ((Map<String, Object>) c.get("input")).forEach((k, v) -> request.putInputs(k, String.valueOf(v)));
        if (c.containsKey("date")) {
            request.setDate((String) c.get("date"));
        }
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        var stub = EnterpriseCostTestSupport.stub();
        if (expect.containsKey("error")) {
            GrpcErrorDetails e = GrpcErrorDetails.of(
                    assertThrows(StatusRuntimeException.class, () -> stub.calculate(request.build())));
            assertEquals(expect.get("error"), e.code().name(), e.message());
            if (expect.containsKey("fields")) {
                assertEquals(expect.get("fields"), e.fields());
            }
            if (expect.containsKey("reason")) {
                assertEquals(expect.get("reason"), e.reason());
            }
            return;
        }
        Calculation result = stub.calculate(request.build());
        assertEquals(
                expect.get("eligible"),
                result.getEligible(),
                result.getReasonsList().toString());
        if (expect.containsKey("amount")) {
            assertEquals(expect.get("amount"), result.getAmount());
        }
        Map<String, Object> outputs = (Map<String, Object>) expect.getOrDefault("outputs", Map.of());
        outputs.forEach((name, want) -> {
            Value got = result.getOutputsOrThrow(name);
            if (want instanceof Boolean b) {
                assertEquals(Value.KindCase.BOOL_VALUE, got.getKindCase(), name);
                assertEquals(b, got.getBoolValue(), name);
            } else {
                assertEquals(want, got.getStringValue(), name);
            }
        });
        if (expect.containsKey("reasonContains")) {
            String needle = (String) expect.get("reasonContains");
            assertTrue(
                    result.getReasonsList().stream().anyMatch(r -> r.contains(needle)),
                    result.getReasonsList().toString());
        }
        if (expect.containsKey("reasons")) {
            assertEquals(
                    expect.get("reasons"),
                    result.getReasonsCount(),
                    result.getReasonsList().toString());
        }
        assertEquals(result.getEligible(), result.getReasonsList().isEmpty());
        assertFalse(result.getExplanation().getStepsList().isEmpty());
        List.copyOf(result.getExplanation().getStepsList())
                .forEach(s -> assertFalse(s.getFormula().isEmpty()));
    }
}
