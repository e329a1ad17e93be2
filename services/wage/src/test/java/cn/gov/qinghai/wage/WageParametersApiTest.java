package cn.gov.qinghai.wage;

import static cn.gov.qinghai.kit.testing.RunningService.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.Citation;
import cn.gov.qinghai.common.v1.DatedValue;
import cn.gov.qinghai.common.v1.GetParameterRequest;
import cn.gov.qinghai.common.v1.GetParameterResponse;
import cn.gov.qinghai.common.v1.ListParametersRequest;
import cn.gov.qinghai.common.v1.Parameter;
import cn.gov.qinghai.common.v1.ParametersServiceGrpc;
import cn.gov.qinghai.common.v1.ValueSource;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.wage.v1.PublishStandardRequest;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kit's public parameters API as the wage service serves it, anonymously, over real gRPC. */
class WageParametersApiTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = WageTestSupport.SERVICE;

    private final RunningService service = SERVICE.service();
    private final ParametersServiceGrpc.ParametersServiceBlockingStub parameters =
            ParametersServiceGrpc.newBlockingStub(service.channel());

    @Test
    void listsEveryParameterFileAnonymously() {
        List<Parameter> all = parameters
                .listParameters(ListParametersRequest.getDefaultInstance())
                .getParametersList();
        List<String> ids = all.stream().map(Parameter::getId).toList();
        assertTrue(ids.containsAll(List.of("wage.minimum_wage.monthly", "wage.minimum_wage.hourly")), ids.toString());
        assertTrue(all.stream().allMatch(p -> p.getService().equals("wage.qinghai.gov.cn")));
        List<String> citing2014 = parameters
                .listParameters(ListParametersRequest.newBuilder()
                        .setDocument("青政〔2014〕29号")
                        .build())
                .getParametersList()
                .stream()
                .map(Parameter::getId)
                .toList();
        assertTrue(citing2014.contains("wage.minimum_wage.monthly"), citing2014.toString());
    }

    @Test
    void historyAndValueInForceOnTheDayBeforeAndTheDayOf2017Standard() {
        GetParameterResponse before = get("2017-04-30");
        assertTrue(before.getAt().getEntry().getStartUnknown());
        assertEquals("青政〔2014〕29号", before.getAt().getEntry().getCitation().getDocument());
        GetParameterResponse on = get("2017-05-01");
        assertEquals("2017-05-01", on.getAt().getEntry().getFrom());
        assertEquals("青政〔2017〕41号", on.getAt().getEntry().getCitation().getDocument());
    }

    @Test
    void aPublishedStandardAppearsInTheHistoryWithPublisherAndCitation() {
        WageServiceGrpc.newBlockingStub(service.channel())
                .withCallCredentials(as("params-admin", "630000", "wage:admin"))
                .publishStandard(PublishStandardRequest.newBuilder()
                        .setRequestId("params-api-1")
                        .setRegion("632500")
                        .setEffectiveFrom("2040-03-01")
                        .setMonthly("2100.00")
                        .setHourly("21.00")
                        .setCitation(
                                Citation.newBuilder().setDocument("青政〔2040〕2号").setClause("一"))
                        .build());
        GetParameterResponse r = parameters.getParameter(GetParameterRequest.newBuilder()
                .setId("wage.minimum_wage.monthly")
                .setDate("2040-03-01")
                .build());
        DatedValue published = r.getParameter().getValuesList().stream()
                .filter(v ->
                        v.getSource() == ValueSource.PUBLISHED && v.getFrom().equals("2040-03-01"))
                .findFirst()
                .orElseThrow();
        assertEquals("2100.00", published.getByRegionMap().get("632500"));
        assertEquals("params-admin", published.getPublishedBy());
        assertEquals("青政〔2040〕2号", published.getCitation().getDocument());
        assertTrue(r.getAt().getPublishedList().stream()
                .anyMatch(v -> "2100.00".equals(v.getByRegionMap().get("632500"))));
        assertTrue(r.getParameter().getDocumentsList().contains("青政〔2040〕2号"));
    }

    @Test
    void unknownIdIsNotFoundAndBadDateIsNamed() {
        GrpcErrorDetails missing = GrpcErrorDetails.of(Assertions.assertThrows(
                StatusRuntimeException.class,
                () -> parameters.getParameter(
                        GetParameterRequest.newBuilder().setId("wage.nothing").build())));
        assertEquals(Status.Code.NOT_FOUND, missing.code());
        assertEquals("PARAMETER_NOT_FOUND", missing.reason());
        GrpcErrorDetails bad = GrpcErrorDetails.of(Assertions.assertThrows(
                StatusRuntimeException.class,
                () -> parameters.getParameter(GetParameterRequest.newBuilder()
                        .setId("")
                        .setDate("2017-13-01")
                        .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.code());
        assertEquals(List.of("id", "date"), bad.fields());
    }

    private GetParameterResponse get(String date) {
        return parameters.getParameter(GetParameterRequest.newBuilder()
                .setId("wage.minimum_wage.monthly")
                .setDate(date)
                .build());
    }
}
