package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public parameters API of issue 24 end to end: the gateway gathers every running service's parameter files
 * (served by the kit in each service), anonymously; one parameter's history and value in force; the document page.
 */
class ParametersE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void everyServiceListsItsParametersAnonymously() {
        Response r = platform.get("/api/v1/parameters?pageSize=1000");
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        assertEquals(
                0,
                j.getAsJsonArray("unavailableServices").size(),
                j.get("unavailableServices").toString());
        Set<String> services = j.getAsJsonArray("parameters").asList().stream()
                .map(p -> p.getAsJsonObject().get("serviceName").getAsString())
                .collect(Collectors.toSet());
        assertTrue(
                services.containsAll(List.of("wage", "dibao", "enterprise-cost", "health-data", "retail", "broadband")),
                services.toString());
        for (JsonElement p : j.getAsJsonArray("parameters")) {
            JsonObject o = p.getAsJsonObject();
            assertTrue(
                    !o.get("unit").getAsString().isEmpty()
                            || o.get("publishedOnly").getAsBoolean(),
                    o.toString());
            assertTrue(o.getAsJsonArray("documents").size() > 0, "every parameter cites a document: " + o);
        }
        assertEquals(
                j.get("totalSize").getAsInt(), j.getAsJsonArray("parameters").size());
    }

    @Test
    void oneParameterWithItsHistoryAndTheValueOnTheDayBeforeAndTheDayOf() {
        JsonObject before = platform.get("/api/v1/parameters/wage.minimum_wage.monthly?date=2017-04-30")
                .json();
        JsonObject entry = before.getAsJsonObject("at").getAsJsonObject("entry");
        assertTrue(entry.get("startUnknown").getAsBoolean());
        assertEquals("1250.00", entry.getAsJsonObject("byRegion").get("630100").getAsString());
        JsonObject on = platform.get("/api/v1/parameters/wage.minimum_wage.monthly?date=2017-05-01")
                .json();
        assertEquals(
                "1500.00",
                on.getAsJsonObject("at").getAsJsonObject("entry").get("value").getAsString());
        assertEquals(
                "青政〔2017〕41号",
                on.getAsJsonObject("parameter")
                        .getAsJsonObject("reference")
                        .get("document")
                        .getAsString());
        assertEquals("wage", on.getAsJsonObject("parameter").get("serviceName").getAsString());
    }

    @Test
    void filterByDocumentAndBadInput() {
        Response r = platform.get(
                "/api/v1/parameters?document=" + URLEncoder.encode("青政办〔2017〕86号", StandardCharsets.UTF_8));
        List<String> ids = r.json().getAsJsonArray("parameters").asList().stream()
                .map(p -> p.getAsJsonObject().get("id").getAsString())
                .toList();
        assertTrue(ids.contains("dibao.provincial_floor"), ids.toString());
        assertTrue(
                r.json().getAsJsonArray("parameters").asList().stream()
                        .allMatch(p -> p.getAsJsonObject()
                                .getAsJsonArray("documents")
                                .toString()
                                .contains("青政办〔2017〕86号")),
                "only parameters citing 86号");
        assertTrue(ids.stream().anyMatch(id -> id.startsWith("health.")), "86号 is cited across services: " + ids);
        Response bad = platform.get("/api/v1/parameters/dibao.provincial_floor?date=2018-13-01");
        assertEquals(400, bad.status(), bad.body());
        assertEquals(List.of("date"), bad.problemFields());
        assertEquals(404, platform.get("/api/v1/parameters/dibao.no_such_thing").status());
    }

    @Test
    void theDocumentPageSaysWhatItSets() {
        Response page = platform.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(platform.url("/documents/qzb-2017-86?lang=en")))
                .header("Accept", "text/html")
                .build());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("What this document sets, and since when"), page.body());
        assertTrue(page.body().contains("dibao.provincial_floor"), page.body());
        assertTrue(page.body().contains("2018-01-01"), page.body());
    }
}
