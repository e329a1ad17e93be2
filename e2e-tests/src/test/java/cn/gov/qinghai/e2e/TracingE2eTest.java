package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.launcher.Platform;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One request, one trace: the dibao verification decision (gateway → dibao → health-data for the members' medical
 * expenses) is found in the real Zipkin the test platform runs ({@code bin/platform --tracing}) by its request id, and
 * that one trace holds spans of all three processes, with health-data's server span a child of dibao's client call
 * (W3C trace context crossed both hops).
 */
class TracingE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void theDibaoVerificationIsOneTraceAcrossGatewayDibaoAndHealthData() throws Exception {
        String zipkin = platform.local()
                .flatMap(Platform::traceUiUrl)
                .or(() -> java.util.Optional.ofNullable(System.getenv("ZIPKIN_URL")))
                .orElse(null);
        Assumptions.assumeTrue(zipkin != null, "no trace backend: the platform runs without --tracing");

        String county = "630123";
        String sick = DibaoE2eTest.id(county, 53);
        String hospital = "e2e-trace-hospital";
        HealthDataSteps.registerWithConsent(platform, sick, "韩德光", county, hospital);
        HealthDataSteps.encounter(
                platform,
                platform.orgToken("e2e-trace-dr", "630100", hospital, "health:clinician"),
                sick,
                county,
                LocalDate.now().withDayOfMonth(1),
                "INPATIENT",
                "I63.9",
                "脑梗死",
                "9000.00",
                "2700.00");
        Response submitted = platform.post(
                "/api/v1/dibao/cases",
                """
                {"requestId": "%s", "household": {"county": "%s", "township": "鲁沙尔镇", "members": [
                  {"name": "韩德光", "idNumber": "%s", "relation": "本人", "workAbility": "PARTLY_LOST",
                   "incomes": [{"type": "AGRICULTURE", "annualAmount": "1500"}]}]}}""".formatted(UUID.randomUUID(), county, sick),
                platform.token("clerk-trace-e2e", county, "dibao:clerk"));
        assertEquals(201, submitted.status(), submitted.body());
        String path = "/api/v1/dibao/cases/" + submitted.json().get("id").getAsString();
        assertEquals(
                200,
                platform.post(
                                path + "/decisions",
                                "{\"stage\": \"TOWNSHIP_REVIEW\", \"outcome\": \"PASS\", \"expectedVersion\": 1}",
                                platform.token("reviewer-trace-e2e", county, "dibao:township-reviewer"))
                        .status());

        String requestId = "e2e-trace-" + UUID.randomUUID();
        Response verified = platform.send(HttpRequest.newBuilder(URI.create(platform.url(path + "/decisions")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + platform.token("verifier-trace-e2e", county, "dibao:verifier"))
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"stage\": \"VERIFICATION\", \"outcome\": \"PASS\", \"expectedVersion\": 2}"))
                .build());
        assertEquals(200, verified.status(), verified.body());
        assertEquals(
                "CONSULTED",
                verified.json()
                        .getAsJsonArray("medicalChecks")
                        .get(0)
                        .getAsJsonObject()
                        .get("status")
                        .getAsString(),
                () -> "health-data was asked: " + verified.body());

        // Spans reach Zipkin in batches from three processes: ask until the trace holds all three (or time is up).
        String query = zipkin + "api/v2/traces?limit=10&lookback=3600000&annotationQuery="
                + URLEncoder.encode("qinghai.request_id=" + requestId, StandardCharsets.UTF_8);
        List<JsonObject> spans = List.of();
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < giveUp) {
            Response found = platform.send(HttpRequest.newBuilder(URI.create(query))
                    .timeout(Duration.ofSeconds(10))
                    .build());
            assertEquals(200, found.status(), found.body());
            JsonArray traces = JsonParser.parseString(found.body()).getAsJsonArray();
            assertTrue(traces.size() <= 1, () -> "one request id, one trace: " + found.body());
            spans = traces.isEmpty()
                    ? List.of()
                    : traces.get(0).getAsJsonArray().asList().stream()
                            .map(JsonElement::getAsJsonObject)
                            .toList();
            if (services(spans).containsAll(Set.of("gateway", "dibao", "health-data"))) {
                break;
            }
            Thread.sleep(500);
        }
        List<JsonObject> trace = spans;
        assertEquals(Set.of("gateway", "dibao", "health-data"), services(trace), () -> "services in " + trace);
        assertEquals(
                1,
                trace.stream()
                        .map(s -> s.get("traceId").getAsString())
                        .distinct()
                        .count());

        JsonObject root =
                trace.stream().filter(s -> !s.has("parentId")).findFirst().orElseThrow();
        assertEquals("gateway", service(root));
        assertEquals("SERVER", root.get("kind").getAsString());
        assertEquals(
                requestId,
                root.getAsJsonObject("tags").get("qinghai.request_id").getAsString());
        Set<String> dibaoClientCalls = trace.stream()
                .filter(s -> service(s).equals("dibao") && "CLIENT".equals(kind(s)))
                .map(s -> s.get("id").getAsString())
                .collect(Collectors.toSet());
        assertTrue(
                trace.stream()
                        .anyMatch(s -> service(s).equals("health-data")
                                && "SERVER".equals(kind(s))
                                && dibaoClientCalls.contains(s.get("parentId").getAsString())
                                && requestId.equals(tag(s, "qinghai.request_id"))),
                () -> "health-data's server span is a child of a dibao client call: " + trace);
    }

    private static Set<String> services(List<JsonObject> spans) {
        return spans.stream().map(TracingE2eTest::service).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String service(JsonObject span) {
        return span.getAsJsonObject("localEndpoint").get("serviceName").getAsString();
    }

    private static String kind(JsonObject span) {
        return span.has("kind") ? span.get("kind").getAsString() : "";
    }

    private static String tag(JsonObject span, String key) {
        JsonObject tags = span.getAsJsonObject("tags");
        return tags == null || !tags.has(key) ? null : tags.get(key).getAsString();
    }
}
