package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import com.google.gson.JsonObject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 (read the law exactly), the dibao items end to end through the gateway: "14岁以下" includes 14 (二(一)),
 * expenditure-type poverty (二(二)), the county payment method (二(三) 据实补差 / 按档补助) and the monthly intake report
 * filed with the poverty office (二(五)).
 */
class DibaoLawReadingE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void aFourteenYearOldIsAChildUnder14岁以下() {
        Response r = platform.post("/api/v1/dibao/medical-assistance-calculations", """
                {"year": 2018, "group": "DIBAO", "age": 14, "eligibleExpenses": "10000", "baseRatio": "0.70"}""", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("8000.00", r.json().get("assistance").getAsString());
        assertEquals("60000.00", r.json().get("capApplied").getAsString());
    }

    @Test
    void majorIllnessMakesAHouseholdAboveTheStandardEligible() {
        // 5000 − 3000 = 2000 < 3762 (2018); (3762 − 2000) / 12 = 146.83
        Response r = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year": 2018, "members": [{"age": 45, "incomes": [{"type": "WAGE", "annualAmount": "5000"}],
                  "rigidExpenditure": {"majorIllness": "3000"}}]}""", null);
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        assertTrue(j.get("eligible").getAsBoolean());
        assertTrue(j.get("expenditureTypePoverty").getAsBoolean());
        assertEquals("3000.00", j.get("rigidExpenditureDeducted").getAsString());
        assertEquals("146.83", j.get("monthlyGapBenefit").getAsString());
        Response bad = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year": 2018, "members": [{"age": 45, "rigidExpenditure": {"education": "-1"}}]}""", null);
        assertEquals(400, bad.status(), bad.body());
        assertEquals(List.of("members[0].rigidExpenditure.education"), bad.problemFields());
    }

    @Test
    void aCountyWithoutAPublicationPaysTheExactGap() {
        Response r = platform.get("/api/v1/dibao/payment-methods?county=630222&date=2019-03-01");
        assertEquals(200, r.status(), r.body());
        assertEquals("GAP", r.json().get("method").getAsString());
        assertEquals("DEFAULT", r.json().get("source").getAsString());
        assertEquals(
                400,
                platform.get("/api/v1/dibao/payment-methods?county=630222&date=2017-06-15")
                        .status());
    }

    @Test
    void townshipReportIsFiledAndThePovertyOfficeReadsIt() {
        String county = "630224";
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        String township = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String reviewer = platform.token("rev-e2e-19", county, "dibao:township-reviewer");
        String approver = platform.token("app-e2e-19", county, "dibao:county-approver");
        String office = platform.token("fupin-e2e-19", county, "dibao:poverty-office");
        Response submitted = platform.post(
                "/api/v1/dibao/intake-reports", """
                {"requestId": "%s", "county": "%s", "township": "%s", "month": "%s"}""".formatted(UUID.randomUUID(), county, township, month), reviewer);
        assertEquals(201, submitted.status(), submitted.body());
        String id = submitted.json().get("id").getAsString();
        assertEquals(
                404, platform.get("/api/v1/dibao/intake-reports/" + id, office).status(), "not filed yet");
        Response filed = platform.post(
                "/api/v1/dibao/intake-reports/" + id + "/decisions",
                "{\"outcome\": \"PASS\", \"expectedVersion\": 1}",
                approver);
        assertEquals(200, filed.status(), filed.body());
        assertEquals("REPORT_FILED", filed.json().get("status").getAsString());
        Response read = platform.get("/api/v1/dibao/intake-reports/" + id, office);
        assertEquals(200, read.status(), read.body());
        assertFalse(read.json().get("filedAt").getAsString().isEmpty());
        assertEquals(
                403,
                platform.post("/api/v1/dibao/intake-reports", """
                {"requestId": "%s", "county": "%s", "township": "x", "month": "%s"}""".formatted(UUID.randomUUID(), county, month), office)
                        .status(),
                "the poverty office files nothing");
    }
}
