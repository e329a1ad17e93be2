package cn.gov.qinghai.gateway.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.Citation;
import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.gateway.testing.GatewayOverFake;
import cn.gov.qinghai.hotline.v1.Category;
import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.GetSupervisionReportRequest;
import cn.gov.qinghai.hotline.v1.GetTicketRequest;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.ListCategoriesRequest;
import cn.gov.qinghai.hotline.v1.ListCategoriesResponse;
import cn.gov.qinghai.hotline.v1.ListPublicTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListRolloutRequest;
import cn.gov.qinghai.hotline.v1.ListRolloutResponse;
import cn.gov.qinghai.hotline.v1.ListTicketsResponse;
import cn.gov.qinghai.hotline.v1.Principle;
import cn.gov.qinghai.hotline.v1.RegionRollout;
import cn.gov.qinghai.hotline.v1.RolloutStatus;
import cn.gov.qinghai.hotline.v1.Source;
import cn.gov.qinghai.hotline.v1.SubmitTicketRequest;
import cn.gov.qinghai.hotline.v1.SubmitTicketResponse;
import cn.gov.qinghai.hotline.v1.Ticket;
import cn.gov.qinghai.hotline.v1.TicketAction;
import cn.gov.qinghai.hotline.v1.TicketClock;
import cn.gov.qinghai.hotline.v1.TicketState;
import cn.gov.qinghai.hotline.v1.TransitionTicketRequest;
import cn.gov.qinghai.kit.auth.TokenMinter;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's hotline routes — department REST, Open311 GeoReport v2 and the portal pages — over real HTTP against
 * a recording gRPC server: parameters reach the right fields, Open311 names and error arrays come out, the token
 * travels, an emergency answers "call 110 now". The service's own behaviour through the gateway is covered by
 * e2e-tests (HotlineE2eTest).
 */
class HotlineRoutesTest {

    static final String SECRET = cn.gov.qinghai.kit.testing.TestIssuer.issuer();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final AtomicReference<Object> LAST = new AtomicReference<>();
    static GatewayOverFake backend;
    static EmbeddedServer gateway;

    static Ticket ticket(String number) {
        return Ticket.newBuilder()
                .setNumber(number)
                .setState(TicketState.ASSIGNED)
                .setCategoryCode("DISPUTE_LABOUR")
                .setCategoryNameZh("劳资纠纷")
                .setCategoryNameEn("Labour dispute")
                .setRegion("630100")
                .setAgencyId("630100-human-resources")
                .setAgencyName("西宁市人力资源和社会保障局")
                .setReceivedAt("2017-07-10T01:00:00Z")
                .setVersion(2)
                .setClock(TicketClock.newBuilder()
                        .setResolveDueAt("2017-07-15T01:00:00Z")
                        .setResolveLimitHours(120))
                .build();
    }

    /** Records each request and answers with fixed, recognisable messages. */
    static class Recording extends HotlineServiceGrpc.HotlineServiceImplBase {
        @Override
        public void listCategories(ListCategoriesRequest r, StreamObserver<ListCategoriesResponse> out) {
            LAST.set(r);
            Citation c = Citation.newBuilder()
                    .setDocument("青政办〔2017〕96号")
                    .setClause("二(二)3")
                    .build();
            out.onNext(ListCategoriesResponse.newBuilder()
                    .addCategories(Category.newBuilder()
                            .setCode("CRIMINAL_CASE")
                            .setPrinciple(Principle.EMERGENCY)
                            .setNameZh("刑事案件")
                            .setNameEn("Criminal case")
                            .setHotline("110")
                            .setCitation(c))
                    .addCategories(Category.newBuilder()
                            .setCode("DISPUTE_LABOUR")
                            .setPrinciple(Principle.DIVERSION)
                            .setNameZh("劳资纠纷")
                            .setNameEn("Labour dispute")
                            .setHotline("12345")
                            .addKeywords("欠薪")
                            .setCitation(c))
                    .build());
            out.onCompleted();
        }

        @Override
        public void listRollout(ListRolloutRequest r, StreamObserver<ListRolloutResponse> out) {
            out.onNext(ListRolloutResponse.newBuilder()
                    .addRegions(RegionRollout.newBuilder()
                            .setRegion("632200")
                            .setNameZh("海北州")
                            .setNameEn("Haibei")
                            .setStatus(RolloutStatus.NOT_OPENED)
                            .setMustOpenBy("2017-08-31"))
                    .addDecisions("9月前 = 2017-08-31")
                    .build());
            out.onCompleted();
        }

        @Override
        public void submitTicket(SubmitTicketRequest r, StreamObserver<SubmitTicketResponse> out) {
            LAST.set(r);
            if (r.getDescription().contains("抢劫")) {
                out.onNext(SubmitTicketResponse.newBuilder()
                        .setClassification(Classification.newBuilder()
                                .setChannel(Channel.POLICE_110)
                                .setCall110Now(true)
                                .setReason("紧急处置：请立即拨打110。 / Emergency: call 110 now."))
                        .build());
            } else if (r.getRegion().isEmpty()) {
                out.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE)
                        .setMessage("2 fields are invalid")
                        .addDetails(Any.pack(ErrorInfo.newBuilder()
                                .setReason("INVALID_ARGUMENT")
                                .build()))
                        .addDetails(Any.pack(BadRequest.newBuilder()
                                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                        .setField("region")
                                        .setDescription("is required"))
                                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                        .setField("categoryCode")
                                        .setDescription("unknown category 'X'; allowed: DISPUTE_LABOUR"))
                                .build()))
                        .build()));
                return;
            } else {
                out.onNext(SubmitTicketResponse.newBuilder()
                        .setClassification(Classification.newBuilder()
                                .setChannel(Channel.HOTLINE_TICKET)
                                .setReason("分流转办 / Diverted"))
                        .setTicket(ticket("20170710-ABCDEFGH"))
                        .build());
            }
            out.onCompleted();
        }

        @Override
        public void getTicket(GetTicketRequest r, StreamObserver<Ticket> out) {
            LAST.set(r);
            out.onNext(ticket(r.getNumber().isEmpty() ? "20170710-TOKENXYZ" : r.getNumber()));
            out.onCompleted();
        }

        @Override
        public void listPublicTickets(ListPublicTicketsRequest r, StreamObserver<ListTicketsResponse> out) {
            LAST.set(r);
            out.onNext(ListTicketsResponse.newBuilder()
                    .addTickets(ticket("20170710-ABCDEFGH"))
                    .build());
            out.onCompleted();
        }

        @Override
        public void transitionTicket(TransitionTicketRequest r, StreamObserver<Ticket> out) {
            LAST.set(r);
            out.onNext(ticket(r.getNumber()));
            out.onCompleted();
        }

        @Override
        public void getSupervisionReportCsv(GetSupervisionReportRequest r, StreamObserver<CsvDocument> out) {
            LAST.set(r);
            out.onNext(CsvDocument.newBuilder()
                    .setFileName("hotline-report-" + r.getPeriod() + "-630000.csv")
                    .setContentType("text/csv; charset=utf-8")
                    .setContent("region,agency_id\n")
                    .build());
            out.onCompleted();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        backend = GatewayOverFake.start("hotline", new Recording(), SECRET);
        gateway = backend.gateway();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void intakeCreatesOrAnswersCall110AndTheKeyFillsTheRequestId() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/api/v1/hotline/tickets",
                "{\"description\":\"老板拖欠工资\",\"region\":\"630100\"}",
                "application/json",
                null,
                "key-1");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("key-1", ((SubmitTicketRequest) LAST.get()).getRequestId());
        assertTrue(created.body().contains("\"number\":\"20170710-ABCDEFGH\""), created.body());
        HttpResponse<String> emergency = send(
                "POST",
                "/api/v1/hotline/tickets",
                "{\"requestId\":\"e1\",\"description\":\"有人抢劫\",\"region\":\"630100\"}",
                "application/json",
                null,
                null);
        assertEquals(200, emergency.statusCode());
        assertTrue(emergency.body().contains("\"call110Now\":true"), emergency.body());
        assertFalse(emergency.body().contains("\"ticket\""));
        HttpResponse<String> bad = send(
                "POST",
                "/api/v1/hotline/tickets",
                "{\"requestId\":\"b\",\"description\":\"x\"}",
                "application/json",
                null,
                null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(bad.body().contains("categoryCode") && bad.body().contains("region"), bad.body());
    }

    @Test
    void departmentRoutesNeedATokenWhichIsForwarded() throws Exception {
        String body = "{\"action\":\"ACCEPT\",\"expectedVersion\":2,\"requestId\":\"a1\"}";
        assertEquals(
                401,
                send(
                                "POST",
                                "/api/v1/hotline/tickets/20170710-ABCDEFGH/transitions",
                                body,
                                "application/json",
                                null,
                                null)
                        .statusCode());
        String token = new TokenMinter(SECRET, Clock.systemUTC())
                .mint("clerk", List.of("hotline:agency"), "630100", "630100-human-resources", Duration.ofMinutes(5));
        HttpResponse<String> r = send(
                "POST", "/api/v1/hotline/tickets/20170710-ABCDEFGH/transitions", body, "application/json", token, null);
        assertEquals(200, r.statusCode(), r.body());
        TransitionTicketRequest sent = (TransitionTicketRequest) LAST.get();
        assertEquals("20170710-ABCDEFGH", sent.getNumber());
        assertEquals(TicketAction.ACCEPT, sent.getAction());
        assertEquals("Bearer " + token, backend.lastAuthorization());
        assertEquals(
                400,
                send("GET", "/api/v1/hotline/tickets?state=NOPE", null, null, token, null)
                        .statusCode());
        HttpResponse<String> csv = send("GET", "/api/v1/hotline/reports/2017-Q3.csv", null, null, token, null);
        assertEquals(200, csv.statusCode());
        assertEquals("2017-Q3", ((GetSupervisionReportRequest) LAST.get()).getPeriod());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    }

    @Test
    void open311ServicesListsOnlyWhat12345Takes() throws Exception {
        HttpResponse<String> r = send("GET", "/open311/v2/services.json?locale=en", null, null, null, null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("[{\"service_code\":\"DISPUTE_LABOUR\""), r.body());
        assertTrue(r.body().contains("\"service_name\":\"Labour dispute\""));
        assertFalse(r.body().contains("CRIMINAL_CASE"), "emergencies are not Open311 services");
    }

    @Test
    void open311PostMapsTheFormAndAnswersTokenAndId() throws Exception {
        String form = "jurisdiction_id=630100&service_code=DISPUTE_LABOUR&description="
                + URLEncoder.encode("老板拖欠工资", StandardCharsets.UTF_8) + "&lat=36.62&long=101.78&first_name=Li";
        HttpResponse<String> r =
                send("POST", "/open311/v2/requests.json", form, "application/x-www-form-urlencoded", null, "311-key");
        assertEquals(201, r.statusCode(), r.body());
        SubmitTicketRequest sent = (SubmitTicketRequest) LAST.get();
        assertEquals("630100", sent.getRegion());
        assertEquals("DISPUTE_LABOUR", sent.getCategoryCode());
        assertEquals("36.62", sent.getLatitude());
        assertEquals(Source.OPEN311, sent.getSource());
        assertEquals("311-key", sent.getRequestId());
        assertTrue(r.body().contains("\"service_request_id\":\"20170710-ABCDEFGH\""), r.body());
        assertTrue(r.body().contains("\"token\":\"311-key\""), r.body());

        HttpResponse<String> emergency = send(
                "POST",
                "/open311/v2/requests.json",
                "jurisdiction_id=630100&description=" + URLEncoder.encode("有人抢劫", StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                null,
                null);
        assertEquals(400, emergency.statusCode());
        assertTrue(emergency.body().contains("call 110 now"), emergency.body());

        HttpResponse<String> bad = send(
                "POST",
                "/open311/v2/requests.json",
                "service_code=X&description=x",
                "application/x-www-form-urlencoded",
                null,
                null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("jurisdiction_id: is required"), bad.body());
        assertTrue(bad.body().contains("service_code: unknown category"), bad.body());
    }

    @Test
    void open311RequestsAndTokens() throws Exception {
        HttpResponse<String> one = send("GET", "/open311/v2/requests/20170710-ABCDEFGH.json", null, null, null, null);
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("\"agency_responsible\":\"西宁市人力资源和社会保障局\""), one.body());
        assertTrue(one.body().contains("\"expected_datetime\":\"2017-07-15T01:00:00Z\""));
        assertTrue(one.body().contains("\"status\":\"open\""));
        HttpResponse<String> list = send(
                "GET",
                "/open311/v2/requests.json?jurisdiction_id=630100&status=open" + "&start_date=2017-07-01T00:00:00Z",
                null,
                null,
                null,
                null);
        assertEquals(200, list.statusCode(), list.body());
        ListPublicTicketsRequest sent = (ListPublicTicketsRequest) LAST.get();
        assertEquals("630100", sent.getRegion());
        assertEquals("open", sent.getStatus());
        assertEquals("2017-07-01", sent.getFrom());
        HttpResponse<String> token = send("GET", "/open311/v2/tokens/311-key.json", null, null, null, null);
        assertEquals(200, token.statusCode());
        assertEquals("311-key", ((GetTicketRequest) LAST.get()).getRequestId());
        assertTrue(token.body().contains("\"service_request_id\":\"20170710-TOKENXYZ\""), token.body());
    }

    @Test
    void portalPagesShowTheDivisionAndAnswerEmergenciesWithCall110() throws Exception {
        HttpResponse<String> page = send("GET", "/hotline", null, null, null, null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("刑事案件") && page.body().contains("劳资纠纷"));
        assertTrue(page.body().contains("2017-08-31"));
        HttpResponse<String> emergency = send(
                "POST",
                "/hotline",
                "requestId=p1&region=630100&description=" + URLEncoder.encode("有人抢劫", StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                null,
                null);
        assertEquals(200, emergency.statusCode(), emergency.body());
        assertTrue(emergency.body().contains("id=\"call-110\""), emergency.body());
        assertFalse(emergency.body().contains("id=\"ticket-number\""));
        HttpResponse<String> created = send(
                "POST",
                "/hotline?lang=en",
                "requestId=p2&region=630100&description=" + URLEncoder.encode("老板拖欠工资", StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                null,
                null);
        assertTrue(created.body().contains("20170710-ABCDEFGH"), created.body());
        assertTrue(created.body().contains("Track its progress"));
        HttpResponse<String> track = send("GET", "/hotline/track?number=20170710-ABCDEFGH", null, null, null, null);
        assertEquals(200, track.statusCode(), track.body());
        assertTrue(track.body().contains("已交办"), track.body());
        HttpResponse<String> trackEn =
                send("GET", "/hotline/track?lang=en&number=20170710-ABCDEFGH", null, null, null, null);
        assertTrue(trackEn.body().contains("Local rule: "), "the time-limit note in English: " + trackEn.body());
        assertFalse(trackEn.body().contains("地方规则"), trackEn.body());
    }

    private static HttpResponse<String> send(
            String method, String path, String body, String type, String token, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.getPort() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
