package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.launcher.ChildProcess;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wage REST contract of issue 2, end to end through the gateway to the wage service and its database. */
class WageE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void dayBeforeTheNewStandardAnswersWithThe2014TierAndTheCaveat() {
        Response r = platform.get("/api/v1/wage/minimum-wage?region=630100&date=2017-04-30");
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        assertEquals("1250.00", j.get("monthly").getAsString());
        assertEquals("12.70", j.get("hourly").getAsString());
        assertTrue(j.getAsJsonObject("citation").get("document").getAsString().contains("青政〔2014〕29号"));
        assertTrue(j.get("explanation").isJsonArray());
        assertFalse(j.getAsJsonArray("explanation").isEmpty());
        assertTrue(j.getAsJsonArray("caveats").toString().contains("began to apply"), j.toString());
    }

    @Test
    void dayOfTheNewStandardAnswersWith1500() {
        JsonObject j = platform.get("/api/v1/wage/minimum-wage?region=630100&date=2017-05-01")
                .json();
        assertEquals("1500.00", j.get("monthly").getAsString());
        assertEquals("15.20", j.get("hourly").getAsString());
        assertEquals(
                "青政〔2017〕41号", j.getAsJsonObject("citation").get("document").getAsString());
    }

    @Test
    void badLookupsAre400ProblemsNamingTheField() {
        Response region = platform.get("/api/v1/wage/minimum-wage?region=999999&date=2017-05-01");
        assertEquals(400, region.status());
        assertTrue(region.isProblem());
        assertEquals(List.of("region"), region.problemFields());
        assertEquals(
                List.of("date"),
                platform.get("/api/v1/wage/minimum-wage?region=630100").problemFields());
        Response impossible = platform.get("/api/v1/wage/minimum-wage?region=630100&date=2017-02-30");
        assertEquals(400, impossible.status());
        assertEquals(List.of("date"), impossible.problemFields());
    }

    @Test
    void partTimeComplianceExcludesOvertime() {
        Response r = platform.post("/api/v1/wage/compliance-checks", """
                {"records":[{"region":"630200","period":"2017-06","employment":"PART_TIME","hoursWorked":"40",
                "grossPay":"620.00","overtimePay":"20.00"}]}""", null);
        assertEquals(200, r.status(), r.body());
        JsonObject result = r.json().getAsJsonArray("results").get(0).getAsJsonObject();
        assertFalse(result.get("compliant").getAsBoolean());
        assertEquals("600.00", result.get("countedPay").getAsString());
        assertEquals("608.00", result.get("minimumRequired").getAsString());
        assertEquals("8.00", result.get("shortfall").getAsString());
        assertTrue(result.getAsJsonArray("explanation").size() >= 3);
    }

    @Test
    void invalidRecordsAreAllReportedWithTheirIndex() {
        String good =
                "{\"region\":\"630100\",\"period\":\"2017-06\",\"employment\":\"FULL_TIME\",\"grossPay\":\"1600\"}";
        Response r = platform.post(
                "/api/v1/wage/compliance-checks",
                "{\"records\":[" + good + "," + good + "," + good
                        + ",{\"region\":\"630100\",\"period\":\"2017-06\",\"employment\":\"PART_TIME\",\"hoursWorked\":\"-3\","
                        + "\"grossPay\":\"x\"}]}",
                null);
        assertEquals(400, r.status());
        assertEquals(List.of("records[3].grossPay", "records[3].hoursWorked"), r.problemFields());
    }

    @Test
    void publishingNeedsAnAdminRefusesTheOldDateAndKeepsHistory() {
        String region = "632600";
        LocalDate from = LocalDate.of(2040, 1, 1)
                .plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 3000));
        String body = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"region\":\"" + region + "\",\"effectiveFrom\":\""
                + from + "\",\"monthly\":\"2100.00\",\"hourly\":\"21.00\",\"citation\":{\"document\":\"青政〔2040〕1号\","
                + "\"clause\":\"一\"}}";
        assertEquals(401, platform.post("/api/v1/wage/standards", body, null).status());
        String clerk = platform.token("clerk", "630000", "dibao:verifier");
        assertEquals(403, platform.post("/api/v1/wage/standards", body, clerk).status());

        String admin = platform.token("wage-admin", "630000", "wage:admin");
        Response created = platform.post("/api/v1/wage/standards", body, admin);
        assertEquals(201, created.status(), created.body());
        assertEquals(
                201, platform.post("/api/v1/wage/standards", body, admin).status(), "a retry returns the first result");

        String older = body.replace("\"effectiveFrom\":\"" + from, "\"effectiveFrom\":\"" + from.minusDays(1))
                .replaceAll("\"requestId\":\"[^\"]+\"", "\"requestId\":\"" + UUID.randomUUID() + "\"");
        Response refused = platform.post("/api/v1/wage/standards", older, admin);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.isProblem());

        assertEquals(
                "2100.00",
                platform.get("/api/v1/wage/minimum-wage?region=" + region + "&date=" + from)
                        .json()
                        .get("monthly")
                        .getAsString());
        assertEquals(
                "1500.00",
                platform.get("/api/v1/wage/minimum-wage?region=" + region + "&date=" + from.minusDays(1))
                        .json()
                        .get("monthly")
                        .getAsString());
        JsonObject history =
                platform.get("/api/v1/wage/standards?region=" + region).json();
        String versions = history.getAsJsonArray("versions").toString();
        assertTrue(
                versions.contains("青政〔2014〕29号") && versions.contains("青政〔2017〕41号") && versions.contains("青政〔2040〕1号"),
                versions);
    }

    @Test
    void aStoppedServiceIsA503QuicklyAndTheGatewayRecoversByItself() throws Exception {
        assumeTrue(platform.local().isPresent(), "needs process control (not with PLATFORM_URL)");
        ChildProcess wage = platform.local().get().process("wage");
        wage.kill();
        try {
            // A date no other test asked about: the gateway keeps recent look-up answers for a moment
            // (LookupCache), and this test is about a question that needs the service.
            String date = java.time.LocalDate.of(2018, 1, 1)
                    .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(3000))
                    .toString();
            Response down = platform.get("/api/v1/wage/minimum-wage?region=630100&date=" + date);
            assertEquals(503, down.status(), down.body());
            assertTrue(down.isProblem());
            System.out.println("e2e: 503 answered in " + down.millis() + " ms with wage down");
            assertEquals(200, platform.get("/health").status(), "the gateway itself stays up");
        } finally {
            wage.restart(Duration.ofSeconds(60));
        }
        Response back = platform.get("/api/v1/wage/minimum-wage?region=630100&date=2017-05-01");
        assertEquals(200, back.status(), back.body());
    }
}
