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
 * The enterprise-cost routes' own behaviour, with the service address pointing where nothing listens: flat calculator
 * inputs checked before any call (every object or array named), 503 problem when the service is down, applications
 * behind a token, routes in the OpenAPI document. The contract against the running service is in e2e-tests.
 */
class EnterpriseCostGatewayTest {

    static EmbeddedServer server;
    static GatewayHttp http;

    @BeforeAll
    static void start() {
        server = GatewayWithServicesDown.start("enterprise-cost");
        http = new GatewayHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nestedCalculatorInputsAreNamedBeforeAnyCall() throws Exception {
        HttpResponse<String> r = http.postJson(
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
                http.postJson("/api/v1/enterprise-cost/calculators/rd-subsidy/calculate", "[1]", null)
                        .statusCode());
        assertEquals(
                400,
                http.postJson("/api/v1/enterprise-cost/calculators/rd-subsidy/calculate", "{a:1}", null)
                        .statusCode());
    }

    @Test
    void aDownServiceIsA503Problem() throws Exception {
        HttpResponse<String> r = http.postJson(
                "/api/v1/enterprise-cost/calculators/rd-subsidy/calculate",
                "{\"superDeductionTaxExemption\":\"1500000\"}",
                null);
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(503, http.get("/api/v1/enterprise-cost/calculators").statusCode());
    }

    @Test
    void applicationsNeedAToken() throws Exception {
        assertEquals(
                401,
                http.postJson("/api/v1/enterprise-cost/applications", "{}", null)
                        .statusCode());
        assertEquals(
                401, http.get("/api/v1/enterprise-cost/applications/overdue").statusCode());
    }

    @Test
    void routesAreInTheOpenApiDocument() throws Exception {
        String spec = http.get("/swagger/qinghai-policy-domain-platform-v1.yml").body();
        assertTrue(
                spec.contains("/api/v1/enterprise-cost/calculators/{calculatorId}/calculate"), spec.substring(0, 200));
        assertTrue(spec.contains("/api/v1/enterprise-cost/applications/overdue"));
    }
}
