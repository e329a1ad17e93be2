package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.testing.HostileTokens;
import cn.gov.qinghai.kit.testing.RunningService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The identity provider unreachable (and no key cached): a department call is 503 problem+json — the token may be
 * valid, so not 401 — while anonymous requests are unaffected.
 */
class GatewayProviderDownTest {

    @Test
    void departmentCallsAre503AndPublicOnesUnaffected() throws Exception {
        String nowhere = "http://localhost:" + RunningService.freePort() + "/qinghai";
        try (EmbeddedServer s = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "qinghai.auth.issuer",
                        nowhere,
                        "grpc.channels.wage.address",
                        "localhost:1"),
                "test")) {
            HttpClient http = HttpClient.newHttpClient();
            URI standards = URI.create("http://localhost:" + s.getPort() + "/api/v1/wage/standards");
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(standards)
                            .header("Authorization", "Bearer " + HostileTokens.real(c -> {}))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"630000\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode(), r.body());
            assertEquals(
                    "application/problem+json",
                    r.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(r.body().contains("IDENTITY_PROVIDER_UNAVAILABLE"), r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());

            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + s.getPort() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "anonymous requests never touch the provider");
            HttpResponse<String> noToken = http.send(
                    HttpRequest.newBuilder(standards)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"630000\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, noToken.statusCode(), "no token: 401 as ever, without asking the provider");
        }
    }
}
