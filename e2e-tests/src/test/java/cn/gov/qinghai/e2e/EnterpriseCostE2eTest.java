package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The enterprise-cost REST contract of issue 5, end to end through the gateway to the enterprise-cost service, its
 * database, and (for the labour-cost check) the real wage service over gRPC.
 */
class EnterpriseCostE2eTest {

    private static final String BASE = "/api/v1/enterprise-cost";
    private final PlatformUnderTest platform = PlatformUnderTest.get();

    private JsonObject calculate(String id, String body) {
        Response r = platform.post(BASE + "/calculators/" + id + "/calculate", body, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void catalogueListsEveryCalculatorWithFormFields() {
        Response r = platform.get(BASE + "/calculators");
        assertEquals(200, r.status(), r.body());
        JsonArray calculators = r.json().getAsJsonArray("calculators");
        Set<String> ids = StreamSupport.stream(calculators.spliterator(), false)
                .map(c -> c.getAsJsonObject().get("id").getAsString())
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "social-insurance",
                        "housing-fund",
                        "stable-job-subsidy",
                        "rd-subsidy",
                        "makerspace-graduate-income-tax",
                        "guarantee-subsidy",
                        "startup-loan-guarantee",
                        "startup-award",
                        "student-startup-fund",
                        "makerspace-award",
                        "graduate-cooperative-support",
                        "quality-deposit",
                        "land-floor-price",
                        "government-fund-levy"),
                ids);
        for (JsonElement c : calculators) {
            JsonObject o = c.getAsJsonObject();
            assertFalse(o.getAsJsonArray("citations").isEmpty(), o.toString());
            for (JsonElement f : o.getAsJsonArray("inputs")) {
                JsonObject field = f.getAsJsonObject();
                assertTrue(
                        field.has("name") && field.has("type") && field.has("unit") && field.has("required"),
                        field.toString());
            }
        }
    }

    @Test
    void rdSubsidyIsTenPercentCappedAtTwoMillion() {
        assertEquals(
                "2000000.00",
                calculate("rd-subsidy", "{\"superDeductionTaxExemption\": \"30000000\"}")
                        .get("amount")
                        .getAsString());
        JsonObject below = calculate("rd-subsidy", "{\"superDeductionTaxExemption\": \"1500000\"}");
        assertTrue(below.get("eligible").getAsBoolean());
        assertEquals("150000.00", below.get("amount").getAsString());
        assertTrue(below.get("explanation").isJsonArray());
        assertFalse(below.getAsJsonArray("explanation").isEmpty());
    }

    @Test
    void startUpLoanGuaranteeLimits() {
        assertEquals(
                "200000.00",
                calculate("startup-loan-guarantee", "{\"persons\": 1}")
                        .get("amount")
                        .getAsString());
        assertEquals(
                "400000.00",
                calculate("startup-loan-guarantee", "{\"persons\": 4}")
                        .get("amount")
                        .getAsString());
        assertEquals(
                "1000000.00",
                calculate("startup-loan-guarantee", "{\"persons\": 12}")
                        .get("amount")
                        .getAsString());
    }

    @Test
    void stableJobSubsidyIsHalfOfLastYearsContributions() {
        JsonObject ok = calculate(
                "stable-job-subsidy",
                "{\"lastYearUnemploymentInsurancePaid\": \"84000\", "
                        + "\"paidInFull\": true, \"laidOffNoneOrFew\": true}");
        assertTrue(ok.get("eligible").getAsBoolean());
        assertEquals("42000.00", ok.get("amount").getAsString());
        JsonObject not = calculate(
                "stable-job-subsidy",
                "{\"lastYearUnemploymentInsurancePaid\": \"84000\", "
                        + "\"paidInFull\": false, \"laidOffNoneOrFew\": true}");
        assertFalse(not.get("eligible").getAsBoolean());
        assertTrue(not.getAsJsonArray("reasons").toString().contains("not paid in full"), not.toString());
    }

    @Test
    void housingFundRateCheck() {
        JsonObject r = calculate(
                "housing-fund",
                "{\"employerRate\": \"0.13\", \"employeeCurrentRate\": \"0.12\", "
                        + "\"employeeProposedRate\": \"0.09\"}");
        JsonObject outputs = r.getAsJsonObject("outputs"); // named outputs stay in `outputs` (README changelog)
        assertFalse(outputs.get("employerRateAllowed").getAsBoolean());
        assertFalse(outputs.get("employeeProposedAllowed").getAsBoolean());
        assertEquals("0.10", outputs.get("employeeMinimumRate").getAsString());
    }

    @Test
    void unknownCalculatorIs404AndBadInputsAre400NamingEachField() {
        Response missing = platform.post(BASE + "/calculators/no-such/calculate", "{}", null);
        assertEquals(404, missing.status(), missing.body());
        assertTrue(missing.isProblem());
        Response bad = platform.post(
                BASE + "/calculators/stable-job-subsidy/calculate",
                "{\"lastYearUnemploymentInsurancePaid\": \"lots\", \"paidInFull\": \"maybe\"}",
                null);
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.isProblem());
        assertEquals(
                List.of("lastYearUnemploymentInsurancePaid", "paidInFull", "laidOffNoneOrFew"), bad.problemFields());
    }

    @Test
    void labourCostCheckAsksTheRealWageService() {
        Response r = platform.post(
                BASE + "/labour-cost-checks",
                "{\"region\": \"630100\", \"date\": \"2017-08-01\", "
                        + "\"lowestMonthlyWage\": \"1450\", \"headcount\": 10, \"monthlyPayroll\": \"30000\"}",
                null);
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        assertEquals("1500.00", j.get("minimumMonthlyWage").getAsString());
        assertEquals(
                "青政〔2017〕41号",
                j.getAsJsonObject("minimumWageCitation").get("document").getAsString());
        assertFalse(j.get("meetsMinimumWage").getAsBoolean());
        assertEquals("50.00", j.get("shortfallPerEmployee").getAsString());
        assertEquals("462.00", j.getAsJsonObject("contributions").get("total").getAsString());
        Response bad = platform.post(BASE + "/labour-cost-checks", "{\"region\": \"999999\", \"headcount\": 0}", null);
        assertEquals(400, bad.status(), bad.body());
        assertEquals(List.of("region", "lowestMonthlyWage", "headcount"), bad.problemFields());
    }

    @Test
    void deadlineSkipsNationalDayAndCountsTheAdjustedSaturday() {
        Response r = platform.get(BASE + "/deadlines?receivedOn=2017-09-25");
        assertEquals(200, r.status(), r.body());
        assertEquals("2017-10-20", r.json().get("dueOn").getAsString());
        assertEquals(
                "[\"2017-09-30\"]",
                r.json().getAsJsonArray("adjustedWorkdaysCounted").toString());
    }

    @Test
    void applicationSubmittedOnceReviewedAndDecided() {
        String applicant = platform.token("e2e-enterprise", "", "enterprise-cost:applicant");
        String reviewer = platform.token("e2e-officer", "630100", "enterprise-cost:reviewer");
        String body = "{\"kind\": \"STABLE_JOB\", \"enterpriseCreditCode\": \"91630100000000000D\", "
                + "\"applicantName\": \"西宁某制造有限公司\", \"region\": \"630102\", \"inputs\": "
                + "{\"lastYearUnemploymentInsurancePaid\": \"84000\", \"paidInFull\": true, \"laidOffNoneOrFew\": true}, "
                + "\"requestId\": \"" + UUID.randomUUID() + "\"}";
        Response first = platform.post(BASE + "/applications", body, applicant);
        assertEquals(201, first.status(), first.body());
        Response retry = platform.post(BASE + "/applications", body, applicant);
        assertEquals(201, retry.status(), retry.body());
        String id = first.json().get("id").getAsString();
        assertEquals(id, retry.json().get("id").getAsString());
        assertEquals("42000.00", first.json().get("claimedAmount").getAsString());
        assertFalse(first.json().get("dueOn").getAsString().isEmpty());

        assertEquals(
                403,
                platform.post(BASE + "/applications/" + id + "/review", "{\"version\": 1}", applicant)
                        .status());
        Response review = platform.post(BASE + "/applications/" + id + "/review", "{\"version\": 1}", reviewer);
        assertEquals(200, review.status(), review.body());
        Response decision = platform.post(
                BASE + "/applications/" + id + "/decision",
                "{\"version\": 2, \"approve\": true, \"approvedAmount\": \"42000\"}",
                reviewer);
        assertEquals(200, decision.status(), decision.body());
        assertEquals("APPROVED", decision.json().get("status").getAsString());
        assertEquals(3, decision.json().getAsJsonArray("events").size());
        Response stale = platform.post(
                BASE + "/applications/" + id + "/decision",
                "{\"version\": 2, \"approve\": false, \"note\": \"x\"}",
                reviewer);
        assertEquals(409, stale.status(), stale.body());
        Response overdue = platform.get(BASE + "/applications/overdue?asOf=2099-01-01", reviewer);
        assertEquals(200, overdue.status(), overdue.body());
        assertFalse(overdue.body().contains("\"id\":\"" + id + "\""), "a decided application is never overdue");
    }

    @Test
    void investmentProjectReceivedSteppedDecidedOnTheClock() {
        // 青政〔2017〕42号 八(四) / 43号 一(一): enterprise investment-project approvals within 15 working days
        String clerk = platform.token("e2e-clerk", "630100", "enterprise-cost:approval-officer");
        String body = "{\"requestId\": \"" + UUID.randomUUID() + "\", \"projectCode\": \"2017-630102-26-03-0009\", "
                + "\"projectName\": \"西宁某饲料加工项目\", \"enterpriseCreditCode\": \"91630100000000000D\", "
                + "\"region\": \"630102\", \"department\": \"西宁市发展改革委\", \"receivedOn\": \"2017-09-20\"}";
        assertEquals(
                401, platform.post(BASE + "/investment-projects", body, null).status());
        Response received = platform.post(BASE + "/investment-projects", body, clerk);
        assertEquals(201, received.status(), received.body());
        assertEquals("2017-10-17", received.json().get("dueOn").getAsString());
        String id = received.json().get("id").getAsString();
        Response step = platform.post(
                BASE + "/investment-projects/" + id + "/steps",
                "{\"version\": 1, "
                        + "\"stepName\": \"用地预审\", \"department\": \"西宁市国土资源局\", \"completedOn\": \"2017-09-25\", "
                        + "\"nextDepartment\": \"西宁市环境保护局\"}",
                clerk);
        assertEquals(200, step.status(), step.body());
        Response overdue = platform.get(BASE + "/investment-projects/overdue?asOf=2017-10-18", clerk);
        assertEquals(200, overdue.status(), overdue.body());
        assertTrue(overdue.body().contains("\"id\":\"" + id + "\""), overdue.body());
        Response decided = platform.post(
                BASE + "/investment-projects/" + id + "/decision",
                "{\"version\": 2, \"approved\": true, \"decidedOn\": \"2017-10-17\"}",
                clerk);
        assertEquals(200, decided.status(), decided.body());
        assertEquals("PROJECT_APPROVED", decided.json().get("status").getAsString());
        assertFalse(
                decided.json().has("overdue") && decided.json().get("overdue").getAsBoolean(),
                "decided on the 15th working day: on time");
    }
}
