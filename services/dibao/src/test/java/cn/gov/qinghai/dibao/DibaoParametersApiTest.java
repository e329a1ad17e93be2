package cn.gov.qinghai.dibao;

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
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.PublishCountyStandardRequest;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dibao's parameters through the kit's public API over real gRPC: its files, and county standards as published. */
class DibaoParametersApiTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    private final RunningService service = SERVICE.service();
    private final ParametersServiceGrpc.ParametersServiceBlockingStub parameters =
            ParametersServiceGrpc.newBlockingStub(service.channel());

    @Test
    void provincialFloorHistoryWithDecisions() {
        GetParameterResponse r = parameters.getParameter(GetParameterRequest.newBuilder()
                .setId("dibao.provincial_floor")
                .setDate("2018-01-01")
                .build());
        Parameter floor = r.getParameter();
        assertEquals("dibao.qinghai.gov.cn", floor.getService());
        assertEquals("青政办〔2017〕86号", floor.getReference().getDocument());
        assertTrue(floor.getValuesList().stream().anyMatch(v -> !v.getDecision().isEmpty()), "decisions are shown");
        assertEquals("2018-01-01", r.getAt().getEntry().getFrom());
    }

    @Test
    void aPublishedCountyStandardIsListedWithPublisherAndCitation() {
        DibaoServiceGrpc.newBlockingStub(service.channel())
                .withCallCredentials(RunningService.as("approver-params", "632200", "dibao:county-approver"))
                .publishCountyStandard(PublishCountyStandardRequest.newBuilder()
                        .setRequestId("params-api-county")
                        .setCounty("632221")
                        .setEffectiveFrom("2041-01-01")
                        .setAnnualAmount("5100")
                        .setCitation(
                                Citation.newBuilder().setDocument("门政〔2040〕7号").setClause("二"))
                        .build());
        List<Parameter> citing = parameters
                .listParameters(ListParametersRequest.newBuilder()
                        .setDocument("门政〔2040〕7号")
                        .build())
                .getParametersList();
        assertEquals(
                List.of("dibao.county_standard"),
                citing.stream().map(Parameter::getId).toList());
        Parameter county = citing.get(0);
        assertTrue(county.getPublishedOnly());
        DatedValue v = county.getValuesList().stream()
                .filter(x -> x.getFrom().equals("2041-01-01"))
                .findFirst()
                .orElseThrow();
        assertEquals(ValueSource.PUBLISHED, v.getSource());
        assertEquals("5100.00", v.getByRegionMap().get("632221"));
        assertEquals("approver-params", v.getPublishedBy());
        GetParameterResponse at = parameters.getParameter(GetParameterRequest.newBuilder()
                .setId("dibao.county_standard")
                .setDate("2041-01-01")
                .build());
        assertTrue(at.getAt().getInForce());
        assertTrue(at.getAt().getPublishedList().stream()
                .anyMatch(p -> "5100.00".equals(p.getByRegionMap().get("632221"))));
    }
}
