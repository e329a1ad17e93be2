package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broadband REST contract of issue 4, end to end through the gateway to the broadband service and its database. */
class BroadbandE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    /**
     * The first call into a just-started JVM on a loaded machine (load average 20+ while six engineers build) has
     * exceeded the gateway's 3 s deadline (504); wait until the service answers once before testing the contract.
     */
    @BeforeAll
    static void serviceAnswers() throws InterruptedException {
        for (int i = 0; i < 15; i++) {
            if (PlatformUnderTest.get()
                            .get("/api/v1/broadband/projects?pageSize=1")
                            .status()
                    == 200) {
                return;
            }
            Thread.sleep(2000);
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonObject project(String owner, String category, int seq) {
        Response r =
                platform.get("/api/v1/broadband/projects?pageSize=200&owner=" + q(owner) + "&category=" + q(category));
        assertEquals(200, r.status(), r.body());
        JsonArray list = r.json().getAsJsonArray("projects");
        for (JsonElement e : list) {
            if (e.getAsJsonObject().get("seq").getAsInt() == seq) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no project " + owner + " " + category + " " + seq);
    }

    @Test
    void listsTheHundredAndSeventeenProjectsWithExactYuan() {
        Response r = platform.get("/api/v1/broadband/projects?pageSize=200");
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        JsonArray projects = j.getAsJsonArray("projects");
        assertEquals(117, projects.size());
        assertEquals("", j.get("nextPageToken").getAsString());
        JsonObject first = projects.get(0).getAsJsonObject();
        assertEquals("宽带青海建设工程", first.get("programme").getAsString());
        assertEquals("光网推进", first.get("category").getAsString());
        assertEquals(1, first.get("seq").getAsInt());
        assertEquals("中国电信青海分公司", first.get("owner").getAsString());
        assertEquals("300000000", first.get("plannedInvestmentYuan").getAsString());
        assertFalse(first.get("name").getAsString().isEmpty());

        assertEquals(
                16,
                platform.get("/api/v1/broadband/projects?pageSize=200&category=" + q("数字产业"))
                        .json()
                        .getAsJsonArray("projects")
                        .size());
        assertEquals(
                9,
                platform.get("/api/v1/broadband/projects?pageSize=200&owner=" + q("中国移动青海公司"))
                        .json()
                        .getAsJsonArray("projects")
                        .size());
        JsonObject page =
                platform.get("/api/v1/broadband/projects?pageSize=100").json();
        assertEquals(100, page.getAsJsonArray("projects").size());
        assertEquals(
                17,
                platform.get("/api/v1/broadband/projects?pageSize=100&pageToken="
                                + page.get("nextPageToken").getAsString())
                        .json()
                        .getAsJsonArray("projects")
                        .size());
        Response bad = platform.get("/api/v1/broadband/projects?category=" + q("光网"));
        assertEquals(400, bad.status());
        assertEquals(List.of("category"), bad.problemFields());
    }

    @Test
    void investmentSummaryIsComputedFromTheRows() {
        for (String groupBy : List.of("owner", "category", "programme")) {
            Response r = platform.get("/api/v1/broadband/investment-summary?groupBy=" + groupBy);
            assertEquals(200, r.status(), r.body());
            JsonObject j = r.json();
            assertEquals("10008733000", j.get("totalPlannedYuan").getAsString());
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonElement g : j.getAsJsonArray("groups")) {
                sum = sum.add(new BigDecimal(
                        g.getAsJsonObject().get("plannedInvestmentYuan").getAsString()));
                assertTrue(g.getAsJsonObject().has("actualInvestmentYuan"));
            }
            assertEquals(new BigDecimal("10008733000"), sum);
        }
        JsonArray owners = platform.get("/api/v1/broadband/investment-summary?groupBy=owner")
                .json()
                .getAsJsonArray("groups");
        boolean mobile = false;
        for (JsonElement g : owners) {
            if (g.getAsJsonObject().get("key").getAsString().equals("中国移动青海公司")) {
                assertEquals(
                        "2500000000",
                        g.getAsJsonObject().get("plannedInvestmentYuan").getAsString());
                mobile = true;
            }
        }
        assertTrue(mobile);
        assertEquals(
                400,
                platform.get("/api/v1/broadband/investment-summary?groupBy=region")
                        .status());
    }

    @Test
    void indicatorsAndReconciliation() {
        JsonArray indicators =
                platform.get("/api/v1/broadband/indicators").json().getAsJsonArray("indicators");
        assertEquals(17 + 3, indicators.size(), "附件4's 17 and the three 实施方案 一(三) network-speed indicators");
        JsonObject firstScreen = indicators.get(19).getAsJsonObject();
        assertEquals("5.3", firstScreen.get("id").getAsString());
        assertEquals("LOWER_IS_BETTER", firstScreen.get("direction").getAsString(), "0.8秒以下: lower is better");
        JsonObject fibre = indicators.get(1).getAsJsonObject();
        assertEquals("光纤到户", fibre.get("name").getAsString());
        assertEquals("万户", fibre.get("unit").getAsString());
        assertEquals("82.7", fibre.get("value2016").getAsString());
        assertEquals("100", fibre.get("target2017").getAsString());
        assertTrue(fibre.has("latestActual") && fibre.has("progressPercent"));

        JsonObject rec = platform.get("/api/v1/broadband/reconciliation").json();
        assertEquals(23, rec.getAsJsonArray("repairs").size());
        assertEquals(7, rec.getAsJsonArray("unresolved").size());
        assertEquals(8, rec.getAsJsonArray("discrepancies").size());
        assertTrue(rec.get("cellsAgreeAfterRepairs").getAsBoolean());
        assertFalse(rec.getAsJsonArray("repairs")
                .get(0)
                .getAsJsonObject()
                .get("evidence")
                .getAsString()
                .isEmpty());
    }

    @Test
    void ownersReportMonthlyAndTheReportShowsItAsJsonAndCsv() {
        JsonObject tower = project("中国铁塔青海分公司", "无线宽带推进", 5);
        long id = tower.get("id").getAsLong();
        String body = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"projectId\":" + id + ",\"month\":\"2017-06\","
                + "\"cumulativeInvestmentYuan\":\"450000000\",\"status\":\"IN_PROGRESS\","
                + "\"physicalProgressPercent\":\"40\"}";
        assertEquals(
                401,
                platform.post("/api/v1/broadband/progress-reports", body, null).status());
        String telecom = platform.orgToken("telecom-1", "630000", "中国电信青海分公司", "broadband:reporter");
        Response denied = platform.post("/api/v1/broadband/progress-reports", body, telecom);
        assertEquals(403, denied.status(), denied.body());
        String owner = platform.orgToken("tower-1", "630000", "中国铁塔青海分公司", "broadband:reporter");
        Response created = platform.post("/api/v1/broadband/progress-reports", body, owner);
        assertEquals(201, created.status(), created.body());
        Response again = platform.post("/api/v1/broadband/progress-reports", body, owner);
        assertEquals(201, again.status());
        assertEquals(
                created.json().get("id").getAsLong(), again.json().get("id").getAsLong());
        assertTrue(again.json().get("replayed").getAsBoolean());
        String lower = body.replaceAll("\"requestId\":\"[^\"]+\"", "\"requestId\":\"" + UUID.randomUUID() + "\"")
                .replace("450000000", "400000000");
        Response down = platform.post("/api/v1/broadband/progress-reports", lower, owner);
        assertEquals(409, down.status(), down.body());
        assertTrue(down.isProblem());

        Response report = platform.get("/api/v1/broadband/reports/2017-06");
        assertEquals(200, report.status(), report.body());
        JsonObject j = report.json();
        assertEquals("2017-06", j.get("month").getAsString());
        assertEquals(117, j.getAsJsonArray("lines").size());
        assertTrue(j.get("reportedCount").getAsInt() >= 1);
        assertEquals(
                117, j.get("reportedCount").getAsInt() + j.get("missingCount").getAsInt());
        boolean found = false;
        for (JsonElement l : j.getAsJsonArray("lines")) {
            JsonObject line = l.getAsJsonObject();
            if (line.get("projectId").getAsLong() == id) {
                assertEquals("450000000.00", line.get("actualInvestmentYuan").getAsString());
                assertEquals("50.00", line.get("completionRatePercent").getAsString());
                assertTrue(line.get("reportedThisMonth").getAsBoolean());
                found = true;
            }
        }
        assertTrue(found);
        assertEquals(10, j.getAsJsonArray("byCategory").size());

        Response csv = platform.get("/api/v1/broadband/reports/2017-06.csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().lines().toList();
        assertEquals(119, lines.size(), "header, 117 projects, totals");
        assertTrue(lines.get(0).startsWith("project_id,programme,category,seq,name,owner,planned_investment_yuan"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(id + ",") && l.contains("450000000.00")));
        assertEquals(400, platform.get("/api/v1/broadband/reports/2018-01").status());
    }
}
