package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.common.v1.OutputDifference;
import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.util.JsonFormat;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** Reform rule cases as data (src/test/resources/reforms/estimate.yaml), each over real gRPC: law and reform. */
class DibaoReformCasesTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws Exception {
        try (InputStream in = DibaoReformCasesTest.class.getResourceAsStream("/reforms/estimate.yaml")) {
            Map<String, Object> root = new Yaml().load(in);
            return ((List<Map<String, Object>>) root.get("cases"))
                    .stream().map(c -> Arguments.of(c.get("name"), c.get("input"), c.get("expect")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void reformBesideTheLaw(String name, Map<String, Object> input, Map<String, Object> expect) throws Exception {
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
        check((Map<String, Object>) expect.get("baseline"), answer);
        check((Map<String, Object>) expect.get("reform"), answer.getReformEstimate());
        if (expect.containsKey("changed")) {
            assertEquals(
                    expect.get("changed"),
                    answer.getReformDifferences().getOutputsList().stream()
                            .map(OutputDifference::getField)
                            .toList());
        }
    }

    private static void check(Map<String, Object> expected, BenefitEstimate answer) {
        expected.forEach((field, value) -> {
            FieldDescriptor f = BenefitEstimate.getDescriptor().getFields().stream()
                    .filter(d -> d.getJsonName().equals(field))
                    .findFirst()
                    .orElseThrow();
            assertEquals(value, answer.getField(f), field);
        });
    }
}
