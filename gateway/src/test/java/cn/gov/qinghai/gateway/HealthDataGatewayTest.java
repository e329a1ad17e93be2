package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.gateway.testing.GatewayWithServicesDown;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health-data routes' gateway behaviour, with the service address pointing where nothing listens: department
 * routes need a token, statistics are public, bodies are checked field by field before any call, and the routes
 * are in the OpenAPI document. The full contract against the running service is in e2e-tests (HealthDataE2eTest).
 */
class HealthDataGatewayTest {

    static EmbeddedServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = GatewayWithServicesDown.start("health-data");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path));
    }

    @Test
    void recordRoutesNeedATokenAndStatisticsArePublic() throws Exception {
        HttpResponse<String> noToken = send(at("/api/v1/health-data/records/lookup")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"identityNumber\":\"x\",\"purpose\":\"treatment\"}")));
        assertEquals(401, noToken.statusCode());
        assertEquals(
                "application/problem+json",
                noToken.headers().firstValue("Content-Type").orElseThrow());
        // anonymous access passes the gateway; the call then fails only because the service is down
        HttpResponse<String> stats = send(at("/api/v1/health-data/statistics?dimensions=region"));
        assertEquals(503, stats.statusCode(), stats.body());
    }

    @Test
    void malformedBodiesAreRefusedFieldByFieldBeforeAnyCall() throws Exception {
        String token = new cn.gov.qinghai.kit.auth.TokenMinter(GatewayHttpTest.SECRET, java.time.Clock.systemUTC())
                .mint("dr", java.util.List.of("health:clinician"), "630100", "h", java.time.Duration.ofMinutes(5));
        HttpResponse<String> r = send(at("/api/v1/health-data/encounters")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"SOMETIMES\",\"prescriptions\":[{\"days\":\"x\"}]," + "\"nope\":1}")));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"field\":\"type\""), r.body());
        assertTrue(r.body().contains("prescriptions[0].days"), r.body());
        assertTrue(r.body().contains("\"field\":\"nope\""), r.body());
    }

    @Test
    void theRoutesAreDocumented() throws Exception {
        HttpResponse<String> spec = send(at("/swagger/qinghai-policy-domain-platform-v1.yml"));
        assertEquals(200, spec.statusCode());
        for (String path : new String[] {
            "/api/v1/health-data/statistics",
            "/api/v1/health-data/records/lookup",
            "/api/v1/health-data/medical-expenses/lookup",
            "/api/v1/health-data/early-warnings"
        }) {
            assertTrue(spec.body().contains(path), path);
        }
    }
}
