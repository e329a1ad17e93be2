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
 * The enterprise-cost routes' own behaviour, with the service address pointing where nothing listens: flat calculator
 * inputs checked before any call (every object or array named), 503 problem when the service is down, applications
 * behind a token, routes in the OpenAPI document. The contract against the running service is in e2e-tests.
 */
class EnterpriseCostGatewayTest {

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
                        "grpc.channels.enterprise-cost.address",
                        "localhost:" + freePort()),
                "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nestedCalculatorInputsAreNamedBeforeAnyCall() throws Exception {
        HttpResponse<String> r = post(
                "/api/v1/enterprise-cost/calculators/rd-subsidy/calculate",
                "{\"superDeductionTaxExemption\":{\"a\":1},\"x\":[1],\"ok\":\"1\"}",
                null);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("\"field\":\"superDeductionTaxExemption\""), r.body());
        assertTrue(r.body().contains("\"field\":\"x\""), r.body());
        assertEquals(
                400,
                post("/api/v1/enterprise-cost/calculators/rd-subsidy/calculate", "[1]", null)
                        .statusCode());
        assertEquals(
                400,
                post("/api/v1/enterprise-cost/calculators/rd-subsidy/calculate", "{a:1}", null)
                        .statusCode());
    }

    @Test
    void aDownServiceIsA503Problem() throws Exception {
        HttpResponse<String> r = post(
                "/api/v1/enterprise-cost/calculators/rd-subsidy/calculate",
                "{\"superDeductionTaxExemption\":\"1500000\"}",
                null);
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(503, get("/api/v1/enterprise-cost/calculators").statusCode());
    }

    @Test
    void applicationsNeedAToken() throws Exception {
        assertEquals(
                401, post("/api/v1/enterprise-cost/applications", "{}", null).statusCode());
        assertEquals(401, get("/api/v1/enterprise-cost/applications/overdue").statusCode());
    }

    @Test
    void routesAreInTheOpenApiDocument() throws Exception {
        String spec = get("/swagger/qinghai-policy-domain-platform-v1.yml").body();
        assertTrue(
                spec.contains("/api/v1/enterprise-cost/calculators/{calculatorId}/calculate"), spec.substring(0, 200));
        assertTrue(spec.contains("/api/v1/enterprise-cost/applications/overdue"));
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
