package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.kit.identity.ResidentId;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dibao REST contract of issue 3, end to end through the gateway to the dibao service and its database. */
class DibaoE2eTest {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500));
    private final PlatformUnderTest platform = PlatformUnderTest.get();

    static String id(String county, int age) {
        String first17 = county
                + LocalDate.now().minusYears(age).minusDays(30).toString().replace("-", "")
                + String.format("%03d", SEQ.incrementAndGet() % 1000);
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Test
    void issueExampleEstimate() {
        Response r = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year": 2017, "singleParent": false, "members": [{"age": 40, "disabilityGrade": null,
                "bedridden": false, "hasFixedIncome": true, "incomes": [{"type": "WAGE", "annualAmount": "4000"}]}]}""", null);
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        assertFalse(j.get("eligible").getAsBoolean());
        assertEquals("4000.00", j.get("perCapitaAnnualIncome").getAsString());
        assertEquals("0.00", j.get("monthlyGapBenefit").getAsString());
        assertEquals("0.00", j.get("monthlyAllowances").getAsString());
        assertEquals("0.00", j.get("monthlyTotal").getAsString());
        assertTrue(j.get("explanation").isJsonArray()
                && !j.getAsJsonArray("explanation").isEmpty());
    }

    @Test
    void eligibleHouseholdWithAllowances() {
        // counted 6000 + 2000 (pension not counted); (3762 × 3 − 8000) / 12 = 273.83; child 10 → 17.00
        Response r = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year": 2018, "members": [
                  {"age": 40, "incomes": [{"type": "WAGE", "annualAmount": "6000"}]},
                  {"age": 38, "incomes": [{"type": "AGRICULTURE", "annualAmount": "2000"},
                                          {"type": "RURAL_BASIC_PENSION", "annualAmount": "1000"}]},
                  {"age": 10, "disabilityGrade": null}]}""", null);
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        assertTrue(j.get("eligible").getAsBoolean());
        assertEquals("2666.67", j.get("perCapitaAnnualIncome").getAsString());
        assertEquals("273.83", j.get("monthlyGapBenefit").getAsString());
        assertEquals("17.00", j.get("monthlyAllowances").getAsString());
        assertEquals("290.83", j.get("monthlyTotal").getAsString());
    }

    @Test
    void badEstimateInputIsA400NamingEachField() {
        Response r = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year": 2017, "members": [{"age": 131},
                  {"age": 30, "incomes": [{"type": "LOTTERY", "annualAmount": "1"}, {"type": "WAGE", "annualAmount": "-1"}]}]}""", null);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.isProblem());
        assertEquals(
                List.of("members[0].age", "members[1].incomes[0].type", "members[1].incomes[1].annualAmount"),
                r.problemFields());
        assertEquals(
                List.of("members"),
                platform.post("/api/v1/dibao/benefit-estimates", "{\"year\": 2017, \"members\": []}", null)
                        .problemFields());
    }

    @Test
    void applicationThroughEveryStageToTheRosterAndThePublicList() {
        String county = "630123";
        String clerk = platform.token("clerk-e2e", county, "dibao:clerk");
        String reviewer = platform.token("reviewer-e2e", county, "dibao:township-reviewer");
        String verifier = platform.token("verifier-e2e", county, "dibao:verifier");
        String approver = platform.token("approver-e2e", "630100", "dibao:county-approver");
        String headId = id(county, 45);
        String body = """
                {"requestId": "%s", "household": {"county": "%s", "township": "城关镇", "members": [
                  {"name": "马小花", "idNumber": "%s", "relation": "本人", "workAbility": "COMPLETELY_LOST",
                   "incomes": [{"type": "WAGE", "annualAmount": "1200"}]}]}}""".formatted(UUID.randomUUID(), county, headId);
        Response submitted = platform.post("/api/v1/dibao/cases", body, clerk);
        assertEquals(201, submitted.status(), submitted.body());
        JsonObject c = submitted.json();
        assertEquals(
                c.get("id"),
                platform.post("/api/v1/dibao/cases", body, clerk).json().get("id"),
                "retry");
        assertFalse(submitted.body().contains(headId), "identity numbers are masked in responses");
        String path = "/api/v1/dibao/cases/" + c.get("id").getAsString();

        Response early = platform.post(
                path + "/decisions",
                "{\"stage\": \"COUNTY_APPROVAL\", \"outcome\": \"PASS\", \"expectedVersion\": 1}",
                approver);
        assertEquals(409, early.status(), early.body());
        assertEquals(
                403,
                platform.post(
                                path + "/decisions",
                                "{\"stage\": \"TOWNSHIP_REVIEW\", \"outcome\": \"PASS\", \"expectedVersion\": 1}",
                                platform.token("yushu", "632700", "dibao:township-reviewer"))
                        .status());
        assertEquals(
                200,
                platform.post(
                                path + "/decisions",
                                "{\"stage\": \"TOWNSHIP_REVIEW\", \"outcome\": \"PASS\", \"expectedVersion\": 1}",
                                reviewer)
                        .status());
        Response stale = platform.post(
                path + "/decisions",
                "{\"stage\": \"VERIFICATION\", \"outcome\": \"PASS\", \"expectedVersion\": 1}",
                verifier);
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.body().contains("CASE_VERSION_CONFLICT"), stale.body());
        assertEquals(
                200,
                platform.post(
                                path + "/decisions",
                                "{\"stage\": \"VERIFICATION\", \"outcome\": \"PASS\", \"expectedVersion\": 2}",
                                verifier)
                        .status());
        Response approved = platform.post(
                path + "/decisions",
                "{\"stage\": \"COUNTY_APPROVAL\", \"outcome\": \"PASS\", \"expectedVersion\": 3}",
                approver);
        assertEquals(200, approved.status(), approved.body());
        JsonObject a = approved.json();
        assertEquals("APPROVED", a.get("status").getAsString());
        assertEquals("A", a.get("classification").getAsString());
        // Floor 4000: (4000 − 1200) / 12 = 233.33
        assertEquals("233.33", a.get("monthlyTotal").getAsString());
        assertEquals(4, a.getAsJsonArray("history").size());

        String month = YearMonth.now().toString();
        Response roster = platform.get("/api/v1/dibao/payment-rosters?county=" + county + "&month=" + month, approver);
        assertEquals(200, roster.status(), roster.body());
        assertTrue(roster.json().getAsJsonArray("totalsByClass").toString().contains("\"A\""), roster.body());
        Response publicList = platform.get("/api/v1/dibao/public-recipients?county=" + county);
        assertEquals(200, publicList.status(), publicList.body());
        assertTrue(publicList.body().contains("马*"), publicList.body());
        assertFalse(publicList.body().contains(headId));
        assertFalse(publicList.body().contains("马小花"));
    }

    @Test
    void medicalAssistanceForAChildUnder14() {
        // 100000 × (0.70 + 0.10) = 80000, capped at 60000
        Response r = platform.post("/api/v1/dibao/medical-assistance-calculations", """
                {"year": 2018, "group": "DIBAO", "age": 8, "eligibleExpenses": "100000", "baseRatio": "0.70",
                 "insurancePersonalContribution": "180"}""", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("60000.00", r.json().get("assistance").getAsString());
        assertEquals("180.00", r.json().get("insuranceContributionSubsidy").getAsString());
    }

    @Test
    void temporaryAssistanceAboveTheTownshipLimitIsRefusedWithTheLimit() {
        String county = "630123";
        String township = platform.token("township-e2e", county, "dibao:township-reviewer");
        Response r = platform.post(
                "/api/v1/dibao/temporary-assistance",
                """
                {"requestId": "%s", "county": "%s", "township": "城关镇", "beneficiaryName": "韩梅",
                 "beneficiaryIdNumber": "%s", "amount": "2500", "reason": "重大疾病", "entrustment": "委托书1号"}""".formatted(UUID.randomUUID(), county, id(county, 30)),
                township);
        assertEquals(403, r.status(), r.body());
        assertTrue(r.body().contains("APPROVAL_LIMIT_EXCEEDED") && r.body().contains("2000.00"), r.body());
    }
}
