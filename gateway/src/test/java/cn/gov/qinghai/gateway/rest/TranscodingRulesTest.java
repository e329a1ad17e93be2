package cn.gov.qinghai.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.dibao.v1.CaseStatus;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.ListCasesRequest;
import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import cn.gov.qinghai.health.v1.GetOpenStatisticsRequest;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.SubmitTicketResponse;
import cn.gov.qinghai.hotline.v1.Ticket;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryRequest;
import cn.gov.qinghai.wage.v1.PublishStandardRequest;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import com.google.protobuf.Message;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The transcoder's rules on the real contracts (no service needed): every binding loads, routes match by literal
 * first, a known path with another method is told which methods it allows, and path/query/body map to the request
 * message with every problem named.
 */
class TranscodingRulesTest {

    static final ManagedChannel CHANNEL =
            ManagedChannelBuilder.forTarget("localhost:1").usePlaintext().build();
    static final RestRoutes ROUTES = new RestRoutes(List.of(
            new TranscodedService("wage", WageServiceGrpc.getServiceDescriptor(), CHANNEL),
            new TranscodedService("dibao", DibaoServiceGrpc.getServiceDescriptor(), CHANNEL),
            new TranscodedService("enterprise-cost", EnterpriseCostServiceGrpc.getServiceDescriptor(), CHANNEL),
            new TranscodedService("health-data", HealthDataServiceGrpc.getServiceDescriptor(), CHANNEL),
            new TranscodedService("retail", RetailServiceGrpc.getServiceDescriptor(), CHANNEL),
            new TranscodedService("broadband", BroadbandServiceGrpc.getServiceDescriptor(), CHANNEL),
            new TranscodedService("hotline", HotlineServiceGrpc.getServiceDescriptor(), CHANNEL)));
    static final RequestMapper MAPPER = new RequestMapper(new GrpcJson());

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @Test
    void everyBindingButTheNamedExceptionsIsARoute() {
        assertEquals(
                95, ROUTES.all().size(), "100 bindings, 5 of them served by hand-written routes (HandWritten.RPCS)");
        for (RestRoute route : ROUTES.all()) {
            assertTrue(route.path().text().startsWith("/api/v1/"), route.path().text());
            assertTrue(
                    !HandWritten.RPCS.containsKey(route.descriptor().getFullName()),
                    route.descriptor().getFullName());
        }
    }

    @Test
    void aLongComputationTakesItsDeadlineFromTheContract() {
        RestRoutes.Match simulation = ROUTES.match(HttpMethod.POST, "/api/v1/dibao/caseload-simulations");
        assertEquals("SimulateCaseload", simulation.route().descriptor().getName());
        assertEquals(60, simulation.route().access().getDeadlineSeconds(), "access.deadline_seconds in the proto");
        RestRoutes.Match lookUp = ROUTES.match(HttpMethod.GET, "/api/v1/wage/minimum-wage");
        assertEquals(0, lookUp.route().access().getDeadlineSeconds(), "0: the gateway's default deadline");
    }

    @Test
    void literalSegmentsWinAndOtherMethodsAreNamed() {
        RestRoutes.Match overdue = ROUTES.match(HttpMethod.GET, "/api/v1/enterprise-cost/applications/overdue");
        assertEquals("ListOverdueApplications", overdue.route().descriptor().getName());
        RestRoutes.Match one = ROUTES.match(HttpMethod.GET, "/api/v1/enterprise-cost/applications/A-1");
        assertEquals("GetApplication", one.route().descriptor().getName());
        assertEquals(Map.of("id", "A-1"), one.variables());
        RestRoutes.Match put = ROUTES.match(HttpMethod.PUT, "/api/v1/wage/standards");
        assertNull(put.route());
        assertEquals(Set.of("GET", "POST"), put.allowed());
        assertNull(ROUTES.match(HttpMethod.GET, "/api/v1/wage/nothing-here"));
        RestRoutes.Match encoded = ROUTES.match(HttpMethod.GET, "/api/v1/retail/trace/%E6%89%B9%E6%AC%A1-1");
        assertEquals("批次-1", encoded.variables().get("batch_code"));
    }

    @Test
    void queryParametersMapByJsonOrProtoNameWithEveryProblemNamed() {
        ListMinimumWageHistoryRequest ok = (ListMinimumWageHistoryRequest) build(
                HttpMethod.GET,
                "/api/v1/wage/standards",
                Map.of("region", List.of("630100"), "page_size", List.of("5")),
                null);
        assertEquals(5, ok.getPageSize());
        ProblemException bad = assertThrows(
                ProblemException.class,
                () -> build(
                        HttpMethod.GET,
                        "/api/v1/wage/standards",
                        Map.of(
                                "pageSize",
                                List.of("abc"),
                                "regoin",
                                List.of("x"),
                                "region",
                                List.of("630100", "630200")),
                        null));
        assertEquals(Set.of("pageSize", "regoin", "region"), fields(bad));
        ListCasesRequest cases = (ListCasesRequest)
                build(HttpMethod.GET, "/api/v1/dibao/cases", Map.of("status", List.of("approved")), null);
        assertEquals(CaseStatus.APPROVED, cases.getStatus());
        GetOpenStatisticsRequest stats = (GetOpenStatisticsRequest) build(
                HttpMethod.GET, "/api/v1/health-data/statistics", Map.of("dimensions", List.of("region,sex")), null);
        assertEquals(List.of("region", "sex"), stats.getDimensionsList());
    }

    @Test
    void pathVariablesAreTypedAndWinOverTheBody() {
        DecideCaseRequest decide = (DecideCaseRequest) build(
                HttpMethod.POST,
                "/api/v1/dibao/cases/C-9/decisions",
                Map.of(),
                "{\"caseId\":\"other\",\"expectedVersion\":3}");
        assertEquals("C-9", decide.getCaseId());
        assertEquals(3, decide.getExpectedVersion());
        ProblemException bad = assertThrows(
                ProblemException.class,
                () -> build(HttpMethod.POST, "/api/v1/retail/excursions/abc/acknowledgement", Map.of(), "{}"));
        assertEquals(Set.of("excursionId"), fields(bad));
    }

    @Test
    void aBodyBoundToOneFieldIsNamedFromInsideTheBody() {
        CalculateRequest calc = (CalculateRequest) build(
                HttpMethod.POST,
                "/api/v1/enterprise-cost/calculators/housing-fund/calculate",
                Map.of("date", List.of("2017-08-01")),
                "{\"employerRate\":\"0.13\",\"persons\":4,\"paidInFull\":true}");
        assertEquals("housing-fund", calc.getCalculatorId());
        assertEquals(Map.of("employerRate", "0.13", "persons", "4", "paidInFull", "true"), calc.getInputsMap());
        assertEquals("2017-08-01", calc.getDate());
        ProblemException bad = assertThrows(
                ProblemException.class,
                () -> build(
                        HttpMethod.POST,
                        "/api/v1/enterprise-cost/calculators/rd-subsidy/calculate",
                        Map.of(),
                        "{\"superDeductionTaxExemption\":{\"a\":1},\"x\":[1],\"ok\":\"1\"}"));
        assertEquals(Set.of("superDeductionTaxExemption", "x"), fields(bad));
        assertEquals(
                Set.of("body"),
                fields(assertThrows(
                        ProblemException.class,
                        () -> build(
                                HttpMethod.POST,
                                "/api/v1/enterprise-cost/calculators/rd-subsidy/calculate",
                                Map.of(),
                                "[1]"))));
    }

    @Test
    void aMapBodyCarriesTheRequestsMessageFieldsBesideItsEntries() {
        CalculateRequest calc = (CalculateRequest)
                build(
                        HttpMethod.POST,
                        "/api/v1/enterprise-cost/calculators/social-insurance/calculate",
                        Map.of(),
                        "{\"payroll\":\"100000\",\"reform\":{\"name\":\"r\",\"overrides\":[{\"id\":\"a.b\",\"value\":\"1\"}]}}");
        assertEquals(Map.of("payroll", "100000"), calc.getInputsMap());
        assertEquals("a.b", calc.getReform().getOverrides(0).getId());
        ProblemException bad = assertThrows(
                ProblemException.class,
                () -> build(
                        HttpMethod.POST,
                        "/api/v1/enterprise-cost/calculators/social-insurance/calculate",
                        Map.of(),
                        "{\"payroll\":[1],\"reform\":{\"overrides\":[{\"idd\":\"x\"}]}}"));
        assertEquals(Set.of("payroll", "reform.overrides[0].idd"), fields(bad));
    }

    @Test
    void createdIsNarrowedByTheAnswer() {
        RestRoute submit =
                ROUTES.match(HttpMethod.POST, "/api/v1/hotline/tickets").route();
        assertTrue(TranscodingController.created(
                submit,
                SubmitTicketResponse.newBuilder()
                        .setTicket(Ticket.newBuilder().setNumber("20170710-ABCDEFGH"))
                        .build()));
        assertTrue(
                !TranscodingController.created(
                        submit,
                        SubmitTicketResponse.newBuilder()
                                .setTicket(Ticket.getDefaultInstance())
                                .setReplayed(true)
                                .build()),
                "a replay is 200");
        assertTrue(
                !TranscodingController.created(submit, SubmitTicketResponse.getDefaultInstance()),
                "an emergency gets no ticket: 200");
        RestRoute publish =
                ROUTES.match(HttpMethod.POST, "/api/v1/wage/standards").route();
        assertTrue(TranscodingController.created(publish, PublishStandardRequest.getDefaultInstance()));
    }

    @Test
    void idempotencyKeyFillsAnEmptyRequestId() {
        RestRoutes.Match m = ROUTES.match(HttpMethod.POST, "/api/v1/wage/standards");
        PublishStandardRequest r = (PublishStandardRequest)
                MAPPER.build(m.route(), m.variables(), Map.of(), "{\"region\":\"630100\"}", "key-1");
        assertEquals("key-1", r.getRequestId());
        PublishStandardRequest own = (PublishStandardRequest)
                MAPPER.build(m.route(), m.variables(), Map.of(), "{\"requestId\":\"mine\"}", "key-1");
        assertEquals("mine", own.getRequestId());
    }

    @Test
    void accessComesFromTheContract() {
        RestRoute publish =
                ROUTES.match(HttpMethod.POST, "/api/v1/wage/standards").route();
        assertTrue(!publish.access().getAnonymous() && publish.access().getCreated());
        assertEquals(List.of("wage:admin"), publish.access().getRolesList());
        RestRoute lookUp =
                ROUTES.match(HttpMethod.GET, "/api/v1/wage/minimum-wage").route();
        assertTrue(lookUp.access().getAnonymous() && lookUp.access().getCacheable());
        assertNotNull(ROUTES.match(HttpMethod.POST, "/api/v1/health-data/audit/verification")
                .route());
    }

    private static Message build(HttpMethod method, String path, Map<String, List<String>> query, String body) {
        RestRoutes.Match m = ROUTES.match(method, path);
        return MAPPER.build(m.route(), m.variables(), query, body, null);
    }

    private static Set<String> fields(ProblemException e) {
        return Set.copyOf(e.errors().stream().map(Problem.InvalidField::field).toList());
    }
}
