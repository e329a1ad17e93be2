package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the gateway itself does for the dibao routes, with the dibao address pointing where nothing listens: public
 * routes pass without a token (and reach the service: 503), department routes need one (401), malformed bodies are
 * 400 naming every field before any call, and the routes are in the OpenAPI document. The full contract against
 * the running service is in e2e-tests (DibaoE2eTest).
 */
class DibaoGatewayHttpTest {

    static final String SECRET = cn.gov.qinghai.kit.testing.TestIssuer.issuer();
    static EmbeddedServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "qinghai.auth.issuer",
                        SECRET,
                        "grpc.channels.dibao.address",
                        "localhost:" + freePort()),
                "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void publicRoutesNeedNoTokenAndReachTheService() throws Exception {
        HttpResponse<String> estimate = post(
                "/api/v1/dibao/benefit-estimates",
                "{\"year\":2017,\"singleParent\":false,\"members\":[{\"age\":40,\"disabilityGrade\":null,"
                        + "\"bedridden\":false,\"hasFixedIncome\":true,\"incomes\":[{\"type\":\"WAGE\",\"annualAmount\":\"4000\"}]}]}",
                null);
        assertEquals(503, estimate.statusCode(), estimate.body());
        assertEquals(503, get("/api/v1/dibao/public-recipients?county=630121").statusCode());
        assertEquals(
                503,
                get("/api/v1/dibao/standards?county=630121&date=2018-01-01").statusCode());
        assertEquals(
                503,
                get("/api/v1/dibao/payment-methods?county=630121&date=2018-01-01")
                        .statusCode());
    }

    @Test
    void departmentRoutesNeedAToken() throws Exception {
        assertEquals(
                401, post("/api/v1/dibao/cases", "{\"requestId\":\"x\"}", null).statusCode());
        assertEquals(401, post("/api/v1/dibao/cases/1/decisions", "{}", null).statusCode());
        assertEquals(401, post("/api/v1/dibao/cases/1/exit", "{}", null).statusCode());
        assertEquals(401, post("/api/v1/dibao/standards", "{}", null).statusCode());
        assertEquals(401, post("/api/v1/dibao/payment-methods", "{}", null).statusCode());
        assertEquals(401, post("/api/v1/dibao/intake-reports", "{}", null).statusCode());
        assertEquals(
                401,
                post("/api/v1/dibao/intake-reports/1/decisions", "{}", null).statusCode());
        assertEquals(401, get("/api/v1/dibao/intake-reports?county=630121").statusCode());
        assertEquals(401, get("/api/v1/dibao/intake-reports/1").statusCode());
        assertEquals(401, post("/api/v1/dibao/temporary-assistance", "{}", null).statusCode());
        assertEquals(401, get("/api/v1/dibao/cases/1").statusCode());
        assertEquals(
                401,
                get("/api/v1/dibao/payment-rosters?county=630121&month=2018-01").statusCode());
        assertEquals(401, post("/api/v1/dibao/caseload-simulations", "{}", null).statusCode());
        assertEquals(
                401, post("/api/v1/dibao/caseload-simulations.csv", "{}", null).statusCode());
    }

    @Test
    void malformedEstimateBodiesNameEveryField() throws Exception {
        HttpResponse<String> r = post(
                "/api/v1/dibao/benefit-estimates",
                "{\"year\":\"soon\",\"members\":[{\"age\":40},{\"age\":{},\"incomes\":[{\"type\":1,\"extra\":true}]}]}",
                null);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("\"year\""), r.body());
        assertTrue(r.body().contains("members[1].age"), r.body());
        assertTrue(r.body().contains("members[1].incomes[0].extra"), r.body());
    }

    @Test
    void routesAreInTheOpenApiDocument() throws Exception {
        HttpResponse<String> spec = get("/swagger/qinghai-policy-domain-platform-v1.yml");
        assertEquals(200, spec.statusCode());
        for (String path : new String[] {
            "/api/v1/dibao/benefit-estimates",
            "/api/v1/dibao/cases/{caseId}/decisions",
            "/api/v1/dibao/payment-rosters",
            "/api/v1/dibao/public-recipients",
            "/api/v1/dibao/payment-methods",
            "/api/v1/dibao/intake-reports",
            "/api/v1/dibao/intake-reports/{reportId}/decisions",
            "/api/v1/dibao/caseload-simulations:",
            "/api/v1/dibao/caseload-simulations.csv:"
        }) {
            assertTrue(spec.body().contains(path), path);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
