package cn.gov.qinghai.gateway.broadband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.broadband.v1.GetInvestmentSummaryRequest;
import cn.gov.qinghai.broadband.v1.GetMonthlyReportRequest;
import cn.gov.qinghai.broadband.v1.InvestmentGroup;
import cn.gov.qinghai.broadband.v1.InvestmentSummary;
import cn.gov.qinghai.broadband.v1.ListProjectsRequest;
import cn.gov.qinghai.broadband.v1.ListProjectsResponse;
import cn.gov.qinghai.broadband.v1.MonthlyReport;
import cn.gov.qinghai.broadband.v1.ProgressReport;
import cn.gov.qinghai.broadband.v1.Project;
import cn.gov.qinghai.broadband.v1.SubmitProgressReportRequest;
import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.gateway.testing.GatewayOverFake;
import cn.gov.qinghai.kit.auth.TokenMinter;
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
 * The gateway's broadband routes over real HTTP against a recording gRPC server: query and path parameters reach
 * the right request fields, responses keep the REST contract's names (exact yuan as strings, nextPageToken), the
 * CSV route answers text/csv, and the caller's token travels to the service. The service's own behaviour through
 * the gateway is covered by e2e-tests (BroadbandE2eTest).
 */
class BroadbandRoutesTest {

    static final String SECRET = cn.gov.qinghai.kit.testing.TestIssuer.issuer();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final AtomicReference<Object> LAST = new AtomicReference<>();
    static GatewayOverFake backend;
    static EmbeddedServer gateway;

    /** Records each request and answers with a fixed, recognisable message. */
    static class Recording extends BroadbandServiceGrpc.BroadbandServiceImplBase {
        @Override
        public void listProjects(ListProjectsRequest r, StreamObserver<ListProjectsResponse> out) {
            LAST.set(r);
            out.onNext(ListProjectsResponse.newBuilder()
                    .addProjects(Project.newBuilder()
                            .setId(1)
                            .setProgramme("宽带青海建设工程")
                            .setCategory("光网推进")
                            .setSeq(1)
                            .setName("n")
                            .setOwner("中国电信青海分公司")
                            .setPlannedInvestmentYuan("300000000"))
                    .setNextPageToken("tok")
                    .setTotalSize(117)
                    .build());
            out.onCompleted();
        }

        @Override
        public void getInvestmentSummary(GetInvestmentSummaryRequest r, StreamObserver<InvestmentSummary> out) {
            LAST.set(r);
            out.onNext(InvestmentSummary.newBuilder()
                    .addGroups(InvestmentGroup.newBuilder()
                            .setKey("中国移动青海公司")
                            .setPlannedInvestmentYuan("2500000000")
                            .setActualInvestmentYuan("0.00"))
                    .setTotalPlannedYuan("10008733000")
                    .build());
            out.onCompleted();
        }

        @Override
        public void getMonthlyReport(GetMonthlyReportRequest r, StreamObserver<MonthlyReport> out) {
            LAST.set(r);
            out.onNext(MonthlyReport.newBuilder().setMonth(r.getMonth()).build());
            out.onCompleted();
        }

        @Override
        public void getMonthlyReportCsv(GetMonthlyReportRequest r, StreamObserver<CsvDocument> out) {
            LAST.set(r);
            out.onNext(CsvDocument.newBuilder()
                    .setFileName("broadband-report-" + r.getMonth() + ".csv")
                    .setContentType("text/csv; charset=utf-8")
                    .setContent("project_id,name\r\n1,光网\r\n")
                    .build());
            out.onCompleted();
        }

        @Override
        public void submitProgressReport(SubmitProgressReportRequest r, StreamObserver<ProgressReport> out) {
            LAST.set(r);
            out.onNext(ProgressReport.newBuilder()
                    .setId(7)
                    .setRequestId(r.getRequestId())
                    .setProjectId(r.getProjectId())
                    .setMonth(r.getMonth())
                    .build());
            out.onCompleted();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        backend = GatewayOverFake.start("broadband", new Recording(), SECRET);
        gateway = backend.gateway();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void projectsRouteMapsFiltersAndKeepsTheContractNames() throws Exception {
        HttpResponse<String> r = get(
                "/api/v1/broadband/projects?pageSize=200&category="
                        + URLEncoder.encode("光网推进", StandardCharsets.UTF_8) + "&owner="
                        + URLEncoder.encode("中国电信青海分公司", StandardCharsets.UTF_8) + "&pageToken=abc",
                null);
        assertEquals(200, r.statusCode(), r.body());
        ListProjectsRequest sent = (ListProjectsRequest) LAST.get();
        assertEquals(200, sent.getPageSize());
        assertEquals("光网推进", sent.getCategory());
        assertEquals("中国电信青海分公司", sent.getOwner());
        assertEquals("abc", sent.getPageToken());
        assertTrue(r.body().contains("\"plannedInvestmentYuan\":\"300000000\""), r.body());
        assertTrue(r.body().contains("\"nextPageToken\":\"tok\""), r.body());
        assertTrue(r.body().contains("\"programme\":\"宽带青海建设工程\""), r.body());
    }

    @Test
    void summaryRoutePassesGroupBy() throws Exception {
        HttpResponse<String> r = get("/api/v1/broadband/investment-summary?groupBy=owner&month=2017-06", null);
        assertEquals(200, r.statusCode(), r.body());
        GetInvestmentSummaryRequest sent = (GetInvestmentSummaryRequest) LAST.get();
        assertEquals("owner", sent.getGroupBy());
        assertEquals("2017-06", sent.getMonth());
        assertTrue(r.body().contains("\"key\":\"中国移动青海公司\""), r.body());
        assertTrue(r.body().contains("\"totalPlannedYuan\":\"10008733000\""), r.body());
    }

    @Test
    void monthlyReportAsJsonAndCsv() throws Exception {
        HttpResponse<String> json = get("/api/v1/broadband/reports/2017-06", null);
        assertEquals(200, json.statusCode(), json.body());
        assertEquals("2017-06", ((GetMonthlyReportRequest) LAST.get()).getMonth());
        assertTrue(json.body().contains("\"month\":\"2017-06\""));
        HttpResponse<String> csv = get("/api/v1/broadband/reports/2017-06.csv", null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("2017-06", ((GetMonthlyReportRequest) LAST.get()).getMonth());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(
                csv.headers().firstValue("Content-Disposition").orElseThrow().contains("broadband-report-2017-06.csv"));
        assertEquals("project_id,name\r\n1,光网\r\n", csv.body());
    }

    @Test
    void reportsNeedATokenWhichIsForwardedAndTheIdempotencyKeyFillsTheRequestId() throws Exception {
        String body = "{\"projectId\":5,\"month\":\"2017-06\",\"cumulativeInvestmentYuan\":\"1\"}";
        assertEquals(
                401,
                post("/api/v1/broadband/progress-reports", body, null, null).statusCode());
        String token = new TokenMinter(SECRET, Clock.systemUTC())
                .mint("owner-1", List.of("broadband:reporter"), "630000", "中国铁塔青海分公司", Duration.ofMinutes(5));
        HttpResponse<String> r = post("/api/v1/broadband/progress-reports", body, token, "key-123");
        assertEquals(201, r.statusCode(), r.body());
        SubmitProgressReportRequest sent = (SubmitProgressReportRequest) LAST.get();
        assertEquals("key-123", sent.getRequestId());
        assertEquals(5, sent.getProjectId());
        assertEquals("Bearer " + token, backend.lastAuthorization());
        HttpResponse<String> unknownField =
                post("/api/v1/broadband/progress-reports", "{\"projectId\":5,\"cumulative\":\"1\"}", token, null);
        assertEquals(400, unknownField.statusCode());
        assertTrue(unknownField.body().contains("cumulative"), unknownField.body());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.getPort() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String token, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.getPort() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
