package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dibao verification (核对, 86号 二(二)) consults health-data for each member's major medical expenses: a member with
 * an inpatient stay this year comes back CONSULTED with the out-of-pocket total, a member without any health record
 * NOT_CONSULTED (never a made-up zero), and the member's health-data access log shows the dibao verifier.
 */
class DibaoHealthDataE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void verificationRecordsTheMembersMajorMedicalExpensesFromHealthData() {
        String county = "630123";
        String sick = DibaoE2eTest.id(county, 52);
        String other = DibaoE2eTest.id(county, 50);
        String hospital = "e2e-huangzhong-hospital";
        String doctor = platform.orgToken("e2e-dr", "630100", hospital, "health:clinician");
        HealthDataSteps.registerWithConsent(platform, sick, "韩德明", county, hospital);
        LocalDate stay = LocalDate.now().withDayOfMonth(1);
        HealthDataSteps.encounter(
                platform, doctor, sick, county, stay, "INPATIENT", "I63.9", "脑梗死", "23000.00", "6900.00");

        String clerk = platform.token("clerk-hd-e2e", county, "dibao:clerk");
        Response submitted =
                platform.post("/api/v1/dibao/cases", """
                {"requestId": "%s", "household": {"county": "%s", "township": "鲁沙尔镇", "members": [
                  {"name": "韩德明", "idNumber": "%s", "relation": "本人", "workAbility": "PARTLY_LOST",
                   "incomes": [{"type": "AGRICULTURE", "annualAmount": "1500"}]},
                  {"name": "李秀英", "idNumber": "%s", "relation": "配偶", "workAbility": "FULL",
                   "incomes": [{"type": "AGRICULTURE", "annualAmount": "1500"}]}]}}""".formatted(UUID.randomUUID(), county, sick, other), clerk);
        assertEquals(201, submitted.status(), submitted.body());
        String path = "/api/v1/dibao/cases/" + submitted.json().get("id").getAsString();
        assertEquals(
                200,
                platform.post(
                                path + "/decisions",
                                "{\"stage\": \"TOWNSHIP_REVIEW\", \"outcome\": \"PASS\", \"expectedVersion\": 1}",
                                platform.token("reviewer-hd-e2e", county, "dibao:township-reviewer"))
                        .status());
        Response verified = platform.post(
                path + "/decisions",
                "{\"stage\": \"VERIFICATION\", \"outcome\": \"PASS\", \"expectedVersion\": 2}",
                platform.token("verifier-hd-e2e", county, "dibao:verifier"));
        assertEquals(200, verified.status(), verified.body());

        List<JsonObject> checks = verified.json().getAsJsonArray("medicalChecks").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .toList();
        assertEquals("CONSULTED", checks.get(0).get("status").getAsString(), verified.body());
        assertEquals("6900.00", checks.get(0).get("amount").getAsString());
        assertEquals("NOT_CONSULTED", checks.get(1).get("status").getAsString(), verified.body());
        assertTrue(checks.get(1).get("note").getAsString().contains("no health record"), verified.body());

        Response log = platform.post(
                "/api/v1/health-data/access-log/lookup",
                "{\"identityNumber\":\"" + sick + "\"}",
                platform.token(sick, "", "health:resident"));
        assertTrue(
                log.json().getAsJsonArray("events").asList().stream()
                        .map(JsonElement::getAsJsonObject)
                        .anyMatch(e -> e.get("actor").getAsString().equals("verifier-hd-e2e")
                                && e.get("purpose").getAsString().equals("dibao-verification")
                                && e.get("outcome").getAsString().equals("GRANTED")),
                log.body());
    }
}
