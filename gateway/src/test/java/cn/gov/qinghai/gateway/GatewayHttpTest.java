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
 * The gateway's own behaviour over real HTTP, with the wage service address pointing at a port where nothing
 * listens: problem+json for every failure, JSON checked before any call, auth at the edge, 503 for a down service,
 * no token endpoint at all (tokens come from the OpenID Connect provider). The full contract against running services is in e2e-tests.
 */
class GatewayHttpTest {

    static final String SECRET = cn.gov.qinghai.kit.testing.TestIssuer.issuer();
    static EmbeddedServer server;
    static EmbeddedServer localServer;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        Map<String, Object> props = Map.of(
                "micronaut.server.port",
                -1,
                "qinghai.auth.issuer",
                SECRET,
                "grpc.channels.wage.address",
                "localhost:" + freePort());
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        localServer = ApplicationContext.run(EmbeddedServer.class, props, "test", "local");
    }

    @AfterAll
    static void stop() {
        server.close();
        localServer.close();
    }

    @Test
    void aHeaderWithABareLineFeedIsTheClientsErrorNotA500() throws Exception {
        // What a shell sends when $TOKEN holds a pretty-printed token response: raw bytes, as no HTTP client allows it.
        try (java.net.Socket socket = new java.net.Socket("localhost", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /api/v1/wage/minimum-wage?region=630100&date=2017-05-01 HTTP/1.1\r\n"
                                    + "Host: localhost\r\nAuthorization: Bearer {\n  \"token_type\" : \"Bearer\"\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 4"), String.valueOf(status));
        }
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> r = get(server, "/health");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("UP"));
    }

    @Test
    void downServiceIsA503ProblemWithRequestId() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(uri(server, "/api/v1/wage/minimum-wage?region=630100&date=2017-05-01"))
                        .header("X-Request-Id", "trace-me-1")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, r.statusCode());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("trace-me-1", r.headers().firstValue("X-Request-Id").orElseThrow());
        assertTrue(r.body().contains("\"requestId\":\"trace-me-1\""), r.body());
        assertTrue(r.body().contains("\"reason\":\"UNAVAILABLE\""), r.body());
    }

    @Test
    void everyMalformedFieldIsNamedBeforeAnyServiceIsCalled() throws Exception {
        HttpResponse<String> r = post(
                server,
                "/api/v1/wage/compliance-checks",
                "{\"records\":[{\"region\":\"630100\"},{\"employment\":\"SOMETIMES\",\"grossPay\":{},\"x\":1}]}",
                null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("records[1].employment"), r.body());
        assertTrue(r.body().contains("records[1].grossPay"), r.body());
        assertTrue(r.body().contains("records[1].x"), r.body());
        HttpResponse<String> notJson = post(server, "/api/v1/wage/compliance-checks", "{\"records\": [", null);
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("\"field\":\"body\""), notJson.body());
        HttpResponse<String> lenient = post(server, "/api/v1/wage/compliance-checks", "{records: []}", null);
        assertEquals(400, lenient.statusCode());
    }

    @Test
    void wrongQueryTypesAre400ProblemsNamingTheParameter() throws Exception {
        HttpResponse<String> r = get(server, "/api/v1/wage/standards?region=630100&pageSize=abc");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"field\":\"pageSize\""), r.body());
        HttpResponse<String> longLine = get(server, "/api/v1/wage/minimum-wage?region=" + "9".repeat(6000));
        assertEquals(414, longLine.statusCode(), longLine.body());
        assertEquals(
                "application/problem+json",
                longLine.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aJsonBodyOverTheJsonLimitIsRefusedBeforeItIsReadButUploadsAreNot() throws Exception {
        String huge = "{\"records\":[" + "{\"region\":\"630100\"},".repeat(150_000) + "{}]}"; // ≈ 3 MB
        HttpResponse<String> json = post("/api/v1/wage/compliance-checks", "application/json", huge);
        assertEquals(413, json.statusCode(), json.body());
        assertEquals(
                "application/problem+json",
                json.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(json.body().contains("\"field\":\"body\""), json.body());

        HttpResponse<String> chunked = HTTP.send(
                HttpRequest.newBuilder(uri(server, "/api/v1/wage/compliance-checks"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream("{\"records\":[]}".getBytes())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(
                411, chunked.statusCode(), "a JSON body of unknown length is asked for its length: " + chunked.body());
        assertTrue(chunked.body().contains("\"field\":\"Content-Length\""), chunked.body());

        HttpResponse<String> small = post("/api/v1/wage/compliance-checks", "application/json", "{\"records\":7}");
        assertEquals(400, small.statusCode(), "an ordinary body is parsed and judged on its content: " + small.body());

        String csv = "id_number,name,county\n" + "110101199003074514,张三,630102\n".repeat(100_000); // ≈ 3.5 MB
        HttpResponse<String> upload = post("/api/v1/dibao/poverty-roster-imports", "text/csv", csv);
        assertEquals(401, upload.statusCode(), "a streamed CSV upload is not held to the JSON limit: " + upload.body());
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(server, path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void departmentRoutesNeedAValidToken() throws Exception {
        String body = "{\"requestId\":\"x\",\"region\":\"630000\"}";
        assertEquals(401, post(server, "/api/v1/wage/standards", body, null).statusCode());
        HttpResponse<String> forged = post(server, "/api/v1/wage/standards", body, "Bearer not.a.token");
        assertEquals(401, forged.statusCode());
        assertEquals(
                "application/problem+json",
                forged.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void tokensComeFromTheProviderNotFromTheGateway() throws Exception {
        String request = "{\"subject\":\"dev\",\"roles\":[\"wage:admin\"],\"region\":\"630000\"}";
        for (EmbeddedServer s : new EmbeddedServer[] {server, localServer}) {
            HttpResponse<String> absent = post(s, "/dev/tokens", request, null);
            assertEquals(404, absent.statusCode(), "no token endpoint in any profile");
            assertEquals(
                    "application/problem+json",
                    absent.headers().firstValue("Content-Type").orElseThrow());
        }
        // A token from the provider's token endpoint (client-credentials grant) passes the gateway's own check;
        // the call then fails only because wage is down.
        String token = cn.gov.qinghai.kit.testing.TestIssuer.clientCredentialsToken("some-department");
        HttpResponse<String> withToken = post(
                server, "/api/v1/wage/standards", "{\"requestId\":\"x\",\"region\":\"630000\"}", "Bearer " + token);
        assertEquals(503, withToken.statusCode(), withToken.body());
    }

    @Test
    void everyHostileTokenIsA401ProblemWithInvalidToken() throws Exception {
        String body = "{\"requestId\":\"x\",\"region\":\"630000\"}";
        for (Map.Entry<String, String> e :
                cn.gov.qinghai.kit.testing.HostileTokens.all().entrySet()) {
            HttpResponse<String> r = post(server, "/api/v1/wage/standards", body, "Bearer " + e.getValue());
            assertEquals(401, r.statusCode(), e.getKey() + ": " + r.body());
            assertEquals(
                    "application/problem+json",
                    r.headers().firstValue("Content-Type").orElseThrow(),
                    e.getKey());
            assertEquals(
                    "Bearer error=\"invalid_token\"",
                    r.headers().firstValue("WWW-Authenticate").orElseThrow(),
                    e.getKey());
            assertTrue(r.body().contains("the bearer token is not valid"), e.getKey() + ": " + r.body());
            // the same token on a public route is refused too (RFC 6750): never a 500
            HttpResponse<String> open =
                    get(server, "/api/v1/wage/minimum-wage?region=630100&date=2017-05-01", "Bearer " + e.getValue());
            assertEquals(401, open.statusCode(), e.getKey());
        }
        // a valid token from the provider gets past authentication (503: wage is down)
        assertEquals(
                503,
                post(
                                server,
                                "/api/v1/wage/standards",
                                body,
                                "Bearer " + cn.gov.qinghai.kit.testing.HostileTokens.real(c -> {}))
                        .statusCode());
    }

    @Test
    void unknownRoutesAndTheOpenApiDocument() throws Exception {
        HttpResponse<String> missing = get(server, "/api/v1/nothing-here");
        assertEquals(404, missing.statusCode());
        assertEquals(
                "application/problem+json",
                missing.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> spec = get(server, "/swagger/qinghai-policy-domain-platform-v1.yml");
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().contains("/api/v1/wage/minimum-wage"));
        assertEquals(200, get(server, "/swagger-ui/index.html").statusCode());
    }

    private static HttpResponse<String> get(EmbeddedServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(s, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(EmbeddedServer s, String path, String auth) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(s, path))
                        .header("Authorization", auth)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(EmbeddedServer s, String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(s, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // The client reused a keep-alive connection the server had just closed (after answering an earlier
            // request without reading its body): nothing reached the server, so sending again is safe.
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static URI uri(EmbeddedServer s, String path) {
        return URI.create("http://localhost:" + s.getPort() + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
