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
 * The /fhir routes' own behaviour at the gateway (the service address points where nothing listens): bad input is
 * a 400 OperationOutcome before any call, every answer is application/fhir+json, an outage is a 503
 * OperationOutcome, and /fhir stays out of the OpenAPI document. The reads themselves are tested in health-data's
 * FhirReadApiTest and end to end in e2e-tests.
 */
class FhirGatewayTest {

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

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertOutcome(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(
                "application/fhir+json", r.headers().firstValue("Content-Type").orElseThrow(), r.body());
        assertTrue(r.body().startsWith("{\"resourceType\":\"OperationOutcome\""), r.body());
        assertTrue(r.body().contains("\"code\":\"" + code + "\""), r.body());
    }

    @Test
    void unknownTypesOperationsAndParametersAre400OperationOutcomes() throws Exception {
        assertOutcome(get("/fhir/Claim/123"), 400, "not-supported");
        assertOutcome(get("/fhir/Observation"), 400, "not-supported");
        assertOutcome(get("/fhir/Patient/0b5a8f4e-1c2d-4e6f-9a7b-3c4d5e6f7a8b/$validate"), 400, "not-supported");
        HttpResponse<String> param =
                get("/fhir/Patient/0b5a8f4e-1c2d-4e6f-9a7b-3c4d5e6f7a8b/$everything?foo=1&_count=x");
        assertOutcome(param, 400, "invalid");
        assertTrue(param.body().contains("_count"), param.body());
        HttpResponse<String> unknownParam = get("/fhir/Patient/0b5a8f4e-1c2d-4e6f-9a7b-3c4d5e6f7a8b/$everything?foo=1");
        assertOutcome(unknownParam, 400, "not-supported");
        assertTrue(unknownParam.body().contains("foo"), unknownParam.body());
        assertOutcome(get("/fhir/metadata?_format=xml"), 400, "not-supported");
        assertOutcome(get("/fhir/AuditEvent"), 400, "required");
    }

    @Test
    void anOutageIsA503OperationOutcomeAndTheRoutesAreNotInOpenApi() throws Exception {
        assertOutcome(get("/fhir/metadata"), 503, "transient");
        assertOutcome(
                get("/fhir/Patient/0b5a8f4e-1c2d-4e6f-9a7b-3c4d5e6f7a8b/%24everything?_count=10"), 503, "transient");
        HttpResponse<String> spec = get("/swagger/qinghai-policy-domain-platform-v1.yml");
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().contains("/api/v1/health-data/records/fhir"));
        assertTrue(!spec.body().contains("/fhir/{type}"), "the FHIR API documents itself at /fhir/metadata");
    }
}
