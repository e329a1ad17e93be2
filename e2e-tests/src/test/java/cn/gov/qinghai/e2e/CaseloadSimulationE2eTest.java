package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.kit.identity.ResidentId;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 item 3 through the gateway: the caseload simulation of a county before and after one more approved
 * household (so the test holds on a platform that already has cases), its CSV download, bad input named field by
 * field, and the department roles (a clerk is refused, a county approver only sees their county).
 */
class CaseloadSimulationE2eTest {

    static final String COUNTY = "632623";
    private final PlatformUnderTest platform = PlatformUnderTest.get();

    private static String id(int age) {
        String first17 = COUNTY
                + LocalDate.now().minusYears(age).minusDays(40).toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentId.checkCharacter(first17);
    }

    private String body(String region) {
        return """
                {"region": "%s", "month": "%s", "reform": {"name": "提标", "overrides": [
                  {"id": "dibao.provincial_floor", "value": "4400", "unit": "CNY/person/year"}]}}""".formatted(region, YearMonth.now());
    }

    private JsonObject simulate(String token) {
        Response r = platform.post("/api/v1/dibao/caseload-simulations", body(COUNTY), token);
        assertEquals(200, r.status(), r.body());
        return r.json().getAsJsonObject("totals");
    }

    private static long n(JsonObject totals, String field) {
        return totals.has(field) ? totals.get(field).getAsLong() : 0;
    }

    private static BigDecimal money(JsonObject totals, String field) {
        return new BigDecimal(totals.get(field).getAsString());
    }

    @Test
    void oneMoreHouseholdMovesTheSimulationByItsOwnHandComputedAmounts() {
        String approver = platform.token("approver-sim", COUNTY, "dibao:county-approver");
        JsonObject before = simulate(approver);

        String clerk = platform.token("clerk-sim", COUNTY, "dibao:clerk");
        Response submitted =
                platform.post("/api/v1/dibao/cases", """
                {"requestId": "%s", "household": {"county": "%s", "township": "e2e", "members": [
                  {"name": "马小花", "idNumber": "%s", "relation": "本人", "workAbility": "COMPLETELY_LOST",
                   "incomes": [{"type": "WAGE", "annualAmount": "1200"}]}]}}""".formatted(UUID.randomUUID(), COUNTY, id(45)), clerk);
        assertEquals(201, submitted.status(), submitted.body());
        String path = "/api/v1/dibao/cases/" + submitted.json().get("id").getAsString() + "/decisions";
        String[][] stages = {
            {"TOWNSHIP_REVIEW", "dibao:township-reviewer"},
            {"VERIFICATION", "dibao:verifier"},
            {"COUNTY_APPROVAL", "dibao:county-approver"}
        };
        for (int i = 0; i < stages.length; i++) {
            Response d = platform.post(
                    path,
                    "{\"stage\": \"%s\", \"outcome\": \"PASS\", \"expectedVersion\": %d}"
                            .formatted(stages[i][0], i + 1),
                    platform.token("sim-" + i, COUNTY, stages[i][1]));
            assertEquals(200, d.status(), d.body());
        }

        JsonObject after = simulate(approver);
        assertEquals(1, n(after, "households") - n(before, "households"));
        assertEquals(1, n(after, "persons") - n(before, "persons"));
        // Unless the county publishes a standard above the floor: (4000 − 1200) / 12 = 233.33 under the law,
        // (4400 − 1200) / 12 = 266.67 under the reform; A-class, no allowance.
        Response standard = platform.get("/api/v1/dibao/standards?county=" + COUNTY + "&date=" + LocalDate.now());
        if ("PROVINCIAL_FLOOR".equals(standard.json().get("source").getAsString())) {
            assertEquals(
                    new BigDecimal("233.33"),
                    money(after, "baselineMonthly").subtract(money(before, "baselineMonthly")));
            assertEquals(
                    new BigDecimal("266.67"), money(after, "reformMonthly").subtract(money(before, "reformMonthly")));
        }
        Response roster =
                platform.get("/api/v1/dibao/payment-rosters?county=" + COUNTY + "&month=" + YearMonth.now(), approver);
        assertEquals(
                roster.json().get("monthlyTotal").getAsString(),
                after.get("baselineMonthly").getAsString(),
                "the simulated baseline is the payment roster");

        Response csv = platform.post("/api/v1/dibao/caseload-simulations.csv", body(COUNTY), approver);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().startsWith("county,classification,households,persons,"), csv.body());
        assertTrue(csv.body().contains("\n" + COUNTY + ",ALL," + n(after, "households") + ","), csv.body());
    }

    @Test
    void badInputAndRoles() {
        String office = platform.token("office-sim", "630000", "dibao:poverty-office");
        Response bad = platform.post("/api/v1/dibao/caseload-simulations", """
                {"region": "110000", "month": "someday", "reform": {"overrides": [
                  {"id": "dibao.nothing", "value": "1"}, {"id": "dibao.provincial_floor", "value": "x",
                   "from": "1999-01-01"}]}}""", office);
        assertEquals(400, bad.status(), bad.body());
        assertEquals(
                List.of("region", "month", "reform.overrides[0].id", "reform.overrides[1].from"), bad.problemFields());
        assertEquals(
                403,
                platform.post(
                                "/api/v1/dibao/caseload-simulations",
                                body("630000"),
                                platform.token("clerk-sim", COUNTY, "dibao:clerk"))
                        .status());
        assertEquals(
                403,
                platform.post(
                                "/api/v1/dibao/caseload-simulations",
                                body("630000"),
                                platform.token("approver-sim", COUNTY, "dibao:county-approver"))
                        .status());
        assertEquals(
                401,
                platform.post("/api/v1/dibao/caseload-simulations", body("630000"), null)
                        .status());
        Response province = platform.post("/api/v1/dibao/caseload-simulations", body("630000"), office);
        assertEquals(200, province.status(), province.body());
    }
}
