package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.gateway.testing.GatewayHttp;
import cn.gov.qinghai.gateway.testing.GatewayWithServicesDown;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
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

    static EmbeddedServer server;
    static GatewayHttp http;

    @BeforeAll
    static void start() {
        server = GatewayWithServicesDown.start("dibao");
        http = new GatewayHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void publicRoutesNeedNoTokenAndReachTheService() throws Exception {
        HttpResponse<String> estimate = http.postJson(
                "/api/v1/dibao/benefit-estimates",
                "{\"year\":2017,\"singleParent\":false,\"members\":[{\"age\":40,\"disabilityGrade\":null,"
                        + "\"bedridden\":false,\"hasFixedIncome\":true,\"incomes\":[{\"type\":\"WAGE\",\"annualAmount\":\"4000\"}]}]}",
                null);
        assertEquals(503, estimate.statusCode(), estimate.body());
        assertEquals(
                503, http.get("/api/v1/dibao/public-recipients?county=630121").statusCode());
        assertEquals(
                503,
                http.get("/api/v1/dibao/standards?county=630121&date=2018-01-01")
                        .statusCode());
        assertEquals(
                503,
                http.get("/api/v1/dibao/payment-methods?county=630121&date=2018-01-01")
                        .statusCode());
    }

    @Test
    void departmentRoutesNeedAToken() throws Exception {
        assertEquals(
                401,
                http.postJson("/api/v1/dibao/cases", "{\"requestId\":\"x\"}", null)
                        .statusCode());
        assertEquals(
                401,
                http.postJson("/api/v1/dibao/cases/1/decisions", "{}", null).statusCode());
        assertEquals(
                401, http.postJson("/api/v1/dibao/cases/1/exit", "{}", null).statusCode());
        assertEquals(401, http.postJson("/api/v1/dibao/standards", "{}", null).statusCode());
        assertEquals(
                401, http.postJson("/api/v1/dibao/payment-methods", "{}", null).statusCode());
        assertEquals(
                401, http.postJson("/api/v1/dibao/intake-reports", "{}", null).statusCode());
        assertEquals(
                401,
                http.postJson("/api/v1/dibao/intake-reports/1/decisions", "{}", null)
                        .statusCode());
        assertEquals(401, http.get("/api/v1/dibao/intake-reports?county=630121").statusCode());
        assertEquals(401, http.get("/api/v1/dibao/intake-reports/1").statusCode());
        assertEquals(
                401,
                http.postJson("/api/v1/dibao/temporary-assistance", "{}", null).statusCode());
        assertEquals(401, http.get("/api/v1/dibao/cases/1").statusCode());
        assertEquals(
                401,
                http.get("/api/v1/dibao/payment-rosters?county=630121&month=2018-01")
                        .statusCode());
        assertEquals(
                401,
                http.postJson("/api/v1/dibao/caseload-simulations", "{}", null).statusCode());
        assertEquals(
                401,
                http.postJson("/api/v1/dibao/caseload-simulations.csv", "{}", null)
                        .statusCode());
    }

    @Test
    void malformedEstimateBodiesNameEveryField() throws Exception {
        HttpResponse<String> r = http.postJson(
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
        HttpResponse<String> spec = http.get("/swagger/qinghai-policy-domain-platform-v1.yml");
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
}
