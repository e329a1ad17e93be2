package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A portal template that fails while rendering (reported: the request hung instead of answering). The reader must
 * promptly get the HTML error page with status 500, in their language, with the request id and no stack trace or
 * template internals; an API client asking for JSON gets problem+json. The client's timeout is what makes a hang
 * fail this test rather than block the build.
 */
class TemplateFailureTest {

    static EmbeddedServer server;
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "qinghai.auth.issuer",
                        GatewayHttpTest.SECRET,
                        "test.broken-view",
                        "true"),
                "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTemplateFailureAnswersTheErrorPagePromptly() throws Exception {
        HttpResponse<String> r = get("text/html", "");
        assertEquals(500, r.statusCode(), r.body());
        assertTrue(
                r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"),
                r.headers().map().toString());
        assertTrue(r.body().contains("<html lang=\"zh-CN\">"), r.body());
        assertTrue(r.body().contains("处理请求时出错"), r.body());
        assertFalse(r.body().contains("before the broken part"), "no half-rendered page");
        assertFalse(
                r.body().contains("Exception")
                        || r.body().contains("noSuchProperty")
                        || r.body().contains("at cn."),
                "no stack trace or template internals: " + r.body());
        HttpResponse<String> en = get("text/html", "?lang=en");
        assertEquals(500, en.statusCode());
        assertTrue(en.body().contains("<html lang=\"en\">"), en.body());
    }

    @Test
    void theServerStillAnswersAfterwards() throws Exception {
        get("text/html", "");
        HttpResponse<String> home = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
    }

    private static HttpResponse<String> get(String accept, String query) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/test-broken-view" + query))
                        .timeout(Duration.ofSeconds(10))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
