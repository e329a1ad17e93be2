package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's retail routes with the retail service down: public routes pass the edge anonymously (and report the
 * outage as 503), department routes need a token, query mistakes are 400 before any call, and every route is in the
 * OpenAPI document. The contract against the running service is in e2e-tests (RetailE2eTest).
 */
class RetailGatewayHttpTest {

    static EmbeddedServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "qinghai.auth.issuer",
                        GatewayHttpTest.SECRET,
                        "grpc.channels.retail.address",
                        "localhost:" + freePort()),
                "test");
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publicTraceIsAnonymousAndADownServiceIs503() throws Exception {
        HttpResponse<String> r = get("/api/v1/retail/trace/BATCH-0001");
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(503, get("/api/v1/retail/outlets?region=630100").statusCode());
    }

    @Test
    void departmentRoutesNeedAToken() throws Exception {
        assertEquals(401, get("/api/v1/retail/batches/BATCH-0001/recall-reach").statusCode());
        assertEquals(
                401,
                get("/api/v1/retail/statistics?fromMonth=2017-01&toMonth=2017-06")
                        .statusCode());
        assertEquals(
                401,
                HTTP.send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://localhost:" + server.getPort() + "/api/v1/retail/enterprises"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        assertEquals(
                401,
                HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort()
                                                + "/api/v1/retail/batches/BATCH-0001/recalls"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    @Test
    void malformedReadingsBodyIsA400NamingTheField() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + server.getPort() + "/api/v1/retail/enterprises"))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Bearer "
                                        + new cn.gov.qinghai.kit.auth.TokenMinter(
                                                        GatewayHttpTest.SECRET, java.time.Clock.systemUTC())
                                                .mint(
                                                        "u",
                                                        java.util.List.of("retail:commerce-officer"),
                                                        "630000",
                                                        "",
                                                        java.time.Duration.ofMinutes(5)))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"creditCode\":{},\"chain\":\"maybe\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("creditCode"), r.body());
        assertTrue(r.body().contains("chain"), r.body());
    }

    @Test
    void routesAreInTheOpenApiDocument() throws Exception {
        String spec = get("/swagger/qinghai-policy-domain-platform-v1.yml").body();
        assertTrue(spec.contains("/api/v1/retail/trace/{batchCode}"), spec.substring(0, 200));
        assertTrue(spec.contains("/api/v1/retail/batches/{batchCode}/recall-reach"));
        assertTrue(spec.contains("/api/v1/retail/batches/{batchCode}/recalls"));
        assertTrue(spec.contains("/api/v1/retail/shipments/{shipmentCode}/readings"));
    }
}
