package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.testing.HostileTokens;
import cn.gov.qinghai.kit.testing.TestIssuer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anonymous routes are limited per client address and route group: over the limit a 429 with Retry-After, as
 * problem+json for the API and as a friendly page for a browser; department calls (with a token) are not limited;
 * the switch turns it all off.
 */
class GatewayRateLimitTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TRACE = "/api/v1/retail/trace/NO-SUCH-BATCH";

    private static EmbeddedServer start(boolean enabled) {
        Map<String, Object> props = new HashMap<>(Map.of(
                "micronaut.server.port",
                -1,
                "qinghai.auth.issuer",
                TestIssuer.issuer(),
                "grpc.channels.retail.address",
                "localhost:1",
                "grpc.channels.wage.address",
                "localhost:1",
                "qinghai.rate-limit.enabled",
                enabled,
                "qinghai.rate-limit.groups.trace.capacity",
                3,
                "qinghai.rate-limit.groups.trace.per-minute",
                1,
                "qinghai.rate-limit.groups.portal.capacity",
                2,
                "qinghai.rate-limit.groups.portal.per-minute",
                1));
        return ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    private static HttpResponse<String> get(EmbeddedServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + s.getPort() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void overTheLimitIsA429WithRetryAfterAndDepartmentCallsAreNotLimited() throws Exception {
        try (EmbeddedServer s = start(true)) {
            for (int i = 0; i < 3; i++) {
                assertNotEquals(429, get(s, TRACE).statusCode(), "within the burst");
            }
            HttpResponse<String> limited = get(s, TRACE);
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals(
                    "application/problem+json",
                    limited.headers().firstValue("Content-Type").orElseThrow());
            long retryAfter =
                    Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertTrue(limited.body().contains("\"reason\":\"RATE_LIMITED\""), limited.body());

            // another group has its own bucket; a department call with a valid token is not limited here
            assertNotEquals(
                    429,
                    get(s, "/api/v1/wage/minimum-wage?region=630100&date=2017-05-01")
                            .statusCode());
            assertNotEquals(
                    429,
                    get(s, TRACE, "Authorization", "Bearer " + HostileTokens.real(c -> {}))
                            .statusCode());

            // a browser gets a page that says what happened, not JSON
            get(s, "/wage", "Accept", "text/html");
            get(s, "/wage", "Accept", "text/html");
            HttpResponse<String> page = get(s, "/wage", "Accept", "text/html");
            assertEquals(429, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(page.body().contains("请稍后再试"), page.body());
            assertTrue(page.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void theSwitchTurnsItOffForLoadRuns() throws Exception {
        try (EmbeddedServer s = start(false)) {
            for (int i = 0; i < 10; i++) {
                assertNotEquals(429, get(s, TRACE).statusCode());
            }
        }
    }
}
