package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.kit.identity.CreditCode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Journeys across services, each the way people meet the platform: only through the gateway's REST routes, with the
 * tokens their jobs give them. They complement the per-domain e2e tests (which check each contract) by following one
 * piece of work from its start to where the public or another department sees it.
 */
class JourneysE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    /**
     * A hospital records a household head's treatment; a clerk takes the household's dibao application; the township
     * reviews it; verification asks health-data (GetMajorMedicalExpenses) and records the head's out-of-pocket major
     * medical expenses for the approver; the county approves; the household then appears on this month's payment
     * roster with the approved amount, and on the public list masked.
     */
    @Test
    void aHouseholdWithAHospitalStayIsVerifiedApprovedAndPaidOnThisMonthsRoster() {
        String county = "630123";
        String head = DibaoE2eTest.id(county, 58);
        String spouse = DibaoE2eTest.id(county, 55);
        String hospital = "e2e-journey-hospital";

        // 1. health-data: registration, the patient's consent for treatment, three encounters this year
        HealthDataSteps.registerWithConsent(platform, head, "祁永福", county, hospital);
        String doctor = platform.orgToken("e2e-journey-doctor", "630100", hospital, "health:clinician");
        LocalDate day = LocalDate.now().withDayOfMonth(1);
        // counted: every inpatient stay, and outpatient care of a listed major disease (N18 uraemia) ...
        HealthDataSteps.encounter(
                platform, doctor, head, county, day, "INPATIENT", "I63.9", "脑梗死", "23000.00", "6900.00");
        HealthDataSteps.encounter(
                platform, doctor, head, county, day, "OUTPATIENT", "N18.5", "慢性肾脏病5期", "3000.00", "1200.50");
        // ... not counted: outpatient care of a common cold
        HealthDataSteps.encounter(
                platform, doctor, head, county, day, "OUTPATIENT", "J06.9", "急性上呼吸道感染", "120.00", "80.00");

        // 2. dibao: application (one-window acceptance by a clerk of the county)
        String clerk = platform.token("e2e-journey-clerk", county, "dibao:clerk");
        Response submitted =
                platform.post("/api/v1/dibao/cases", """
                {"requestId": "%s", "household": {"county": "%s", "township": "上新庄镇", "members": [
                  {"name": "祁永福", "idNumber": "%s", "relation": "本人", "workAbility": "COMPLETELY_LOST",
                   "incomes": [{"type": "AGRICULTURE", "annualAmount": "1000"}]},
                  {"name": "马桂兰", "idNumber": "%s", "relation": "配偶", "workAbility": "PARTLY_LOST",
                   "incomes": [{"type": "AGRICULTURE", "annualAmount": "1400"}]}]}}""".formatted(UUID.randomUUID(), county, head, spouse), clerk);
        assertEquals(201, submitted.status(), submitted.body());
        String caseId = submitted.json().get("id").getAsString();
        String path = "/api/v1/dibao/cases/" + caseId;

        // 3. township review, 4. verification (the cross-service call), 5. county approval
        decide(path, "TOWNSHIP_REVIEW", 1, platform.token("e2e-journey-reviewer", county, "dibao:township-reviewer"));
        Response verified =
                decide(path, "VERIFICATION", 2, platform.token("e2e-journey-verifier", county, "dibao:verifier"));
        List<JsonObject> checks = verified.json().getAsJsonArray("medicalChecks").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .toList();
        assertEquals(2, checks.size(), verified.body());
        assertEquals("CONSULTED", checks.get(0).get("status").getAsString(), verified.body());
        assertEquals("8100.50", checks.get(0).get("amount").getAsString(), "6900.00 inpatient + 1200.50 uraemia");
        assertEquals("NOT_CONSULTED", checks.get(1).get("status").getAsString(), "the spouse has no health record");
        String approver = platform.token("e2e-journey-approver", "630100", "dibao:county-approver");
        Response approved = decide(path, "COUNTY_APPROVAL", 3, approver);
        JsonObject a = approved.json();
        assertEquals("APPROVED", a.get("status").getAsString());
        String monthlyTotal = a.get("monthlyTotal").getAsString();
        assertTrue(new BigDecimal(monthlyTotal).signum() > 0, approved.body());
        // what the approver weighed stays on the case
        Response read = platform.get(path, approver);
        assertEquals(200, read.status(), read.body());
        assertEquals(
                "8100.50",
                read.json()
                        .getAsJsonArray("medicalChecks")
                        .get(0)
                        .getAsJsonObject()
                        .get("amount")
                        .getAsString());

        // 6. the payment roster of this month pays this household the approved amount
        Response roster = platform.get(
                "/api/v1/dibao/payment-rosters?county=" + county + "&month=" + YearMonth.now() + "&pageSize=1000",
                approver);
        assertEquals(200, roster.status(), roster.body());
        JsonObject entry = roster.json().getAsJsonArray("entries").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(e -> e.get("caseId").getAsString().equals(caseId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("case " + caseId + " not on the roster: " + roster.body()));
        assertEquals(monthlyTotal, entry.get("monthlyTotal").getAsString());
        assertEquals(2, entry.get("householdSize").getAsInt());
        assertEquals(
                a.get("classification").getAsString(),
                entry.get("classification").getAsString());
        assertFalse(roster.body().contains(head), "the roster masks identity numbers");
        Response publicList = platform.get("/api/v1/dibao/public-recipients?county=" + county);
        assertEquals(200, publicList.status(), publicList.body());
        assertTrue(publicList.body().contains("祁*"), publicList.body());
        assertFalse(publicList.body().contains(head));
    }

    /**
     * The wage administration publishes a new minimum wage for a prefecture; an enterprise then checks its labour
     * cost there and gets the new floor from the wage service (enterprise-cost holds no copy of it). With the wage
     * service down the check is a clear 503 while enterprise-cost's own calculators keep answering; once wage is
     * back the check works again.
     */
    @Test
    void anEnterprisesLabourCostCheckUsesTheMinimumWageTheWageServiceJustPublished() throws Exception {
        String region = "632500";
        String admin = platform.token("e2e-journey-wage-admin", "630000", "wage:admin");
        Response history = platform.get("/api/v1/wage/standards?region=" + region);
        assertEquals(200, history.status(), history.body());
        LocalDate from = LocalDate.of(2090, 1, 1);
        for (JsonElement s :
                history.body().contains("\"versions\"") ? history.json().getAsJsonArray("versions") : new JsonArray()) {
            String start = s.getAsJsonObject().get("effectiveFrom").getAsString(); // empty when unknown
            LocalDate f = start.isEmpty() ? from.minusDays(1) : LocalDate.parse(start);
            if (!f.isBefore(from)) {
                from = f.plusMonths(1); // a rerun on the same platform publishes after the newest
            }
        }
        Response published = platform.post(
                "/api/v1/wage/standards",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"region\":\"" + region + "\",\"effectiveFrom\":\"" + from + "\",\"monthly\":\"3210.00\","
                        + "\"hourly\":\"32.10\",\"citation\":{\"document\":\"青政〔2090〕7号\",\"clause\":\"二\"}}",
                admin);
        assertEquals(201, published.status(), published.body());

        String check = "{\"region\": \"" + region + "\", \"date\": \"" + from + "\", \"lowestMonthlyWage\": \"3200\", "
                + "\"headcount\": 4, \"monthlyPayroll\": \"14000\"}";
        Response r = platform.post("/api/v1/enterprise-cost/labour-cost-checks", check, null);
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        assertEquals("3210.00", j.get("minimumMonthlyWage").getAsString());
        assertEquals(
                "青政〔2090〕7号",
                j.getAsJsonObject("minimumWageCitation").get("document").getAsString());
        assertFalse(j.get("meetsMinimumWage").getAsBoolean());
        assertEquals("10.00", j.get("shortfallPerEmployee").getAsString());
        Response dayBefore = platform.post(
                "/api/v1/enterprise-cost/labour-cost-checks",
                check.replace(from.toString(), from.minusDays(1).toString()),
                null);
        assertEquals(200, dayBefore.status(), dayBefore.body());
        assertFalse(
                dayBefore.json().get("minimumMonthlyWage").getAsString().equals("3210.00"),
                "the day before, the earlier standard applies: " + dayBefore.body());

        if (platform.local().isEmpty()) {
            return; // stopping a service needs process control
        }
        var wage = platform.local().get().process("wage");
        wage.kill();
        try {
            Response down = platform.post("/api/v1/enterprise-cost/labour-cost-checks", check, null);
            assertEquals(503, down.status(), down.body());
            assertTrue(down.isProblem() && down.body().contains("WAGE_SERVICE_UNAVAILABLE"), down.body());
            assertEquals(
                    200,
                    platform.get("/api/v1/enterprise-cost/deadlines?receivedOn=2017-09-25")
                            .status(),
                    "enterprise-cost's own answers do not depend on wage");
        } finally {
            wage.restart(java.time.Duration.ofSeconds(60));
        }
        Response back = platform.post("/api/v1/enterprise-cost/labour-cost-checks", check, null);
        assertEquals(200, back.status(), back.body());
        assertEquals("3210.00", back.json().get("minimumMonthlyWage").getAsString());
    }

    /**
     * A project owner reports its cumulative investment for August 2017; the public monthly report of August shows the
     * figure on the project's line (flagged late, as the plan year is long past) and adds exactly that much to the
     * owner's and the province's totals; September's report carries the figure forward and lists September as
     * missing; July's report is unchanged.
     */
    @Test
    void aProjectOwnersMonthlyReportAppearsInThePublicReportOfThatMonth() {
        String owner = "中国移动青海公司";
        Response projects = platform.get(
                "/api/v1/broadband/projects?pageSize=200&owner=" + URLEncoder.encode(owner, StandardCharsets.UTF_8));
        assertEquals(200, projects.status(), projects.body());
        JsonObject project = projects.json().getAsJsonArray("projects").get(0).getAsJsonObject();
        long id = project.get("id").getAsLong();

        JsonObject julyBefore = report("2017-07");
        JsonObject augustBefore = report("2017-08");
        String shown = line(augustBefore, id).get("actualInvestmentYuan").getAsString();
        BigDecimal lineBefore = shown.isEmpty() ? BigDecimal.ZERO : new BigDecimal(shown);
        BigDecimal reported = lineBefore.add(new BigDecimal("1234567.00"));

        String reporter = platform.orgToken("e2e-journey-mobile", "630000", owner, "broadband:reporter");
        Response created = platform.post(
                "/api/v1/broadband/progress-reports",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"projectId\":" + id + ",\"month\":\"2017-08\",\"cumulativeInvestmentYuan\":\""
                        + reported.toPlainString()
                        + "\",\"status\":\"IN_PROGRESS\",\"physicalProgressPercent\":\"35\"}",
                reporter);
        assertEquals(201, created.status(), created.body());

        JsonObject august = report("2017-08");
        JsonObject l = line(august, id);
        assertEquals(
                reported.setScale(2).toPlainString(),
                l.get("actualInvestmentYuan").getAsString());
        assertTrue(l.get("reportedThisMonth").getAsBoolean());
        assertTrue(l.get("late").getAsBoolean(), "due 2017-09-10, reported today: " + l);
        assertEquals("2017-08", l.get("asOfMonth").getAsString());
        BigDecimal delta = reported.subtract(lineBefore);
        assertEquals(
                new BigDecimal(augustBefore.get("totalActualYuan").getAsString()).add(delta),
                new BigDecimal(august.get("totalActualYuan").getAsString()),
                "province total grows by the report");
        assertEquals(
                ownerActual(augustBefore, owner).add(delta),
                ownerActual(august, owner),
                "the owner's total grows by the report");

        JsonObject september = report("2017-09");
        JsonObject carried = line(september, id);
        assertEquals(
                reported.setScale(2).toPlainString(),
                carried.get("actualInvestmentYuan").getAsString());
        assertEquals("2017-08", carried.get("asOfMonth").getAsString());
        assertFalse(carried.get("reportedThisMonth").getAsBoolean());
        assertTrue(carried.getAsJsonArray("missingMonths").toString().contains("2017-09"), carried.toString());

        assertEquals(
                line(julyBefore, id).toString(),
                line(report("2017-07"), id).toString(),
                "a later month's report does not change July");
    }

    /**
     * A producer makes a batch of yak meat, ships it to a distributor who splits it into a repacked batch and ships
     * that to a supermarket, which sells it. Anyone can trace the repacked batch (signed chain, parent named); a
     * commerce officer recalling the original batch reaches the distributor, the supermarket and its outlet, across
     * the split. Once the officer recalls the original batch, anyone tracing either batch sees the recall.
     */
    @Test
    void aYakMeatBatchIsTracedByTheBuyerAndItsRecallReachesEveryShopThatGotAnyOfIt() {
        String officer = platform.token("e2e-journey-officer", "630000", "retail:commerce-officer");
        String producer = creditCode("632200");
        String distributor = creditCode("630105");
        String shop = creditCode("630104");
        for (String code : List.of(distributor, shop)) {
            Response reg =
                    platform.post("/api/v1/retail/enterprises", """
                    {"creditCode":"%s","name":"e2e 旅程企业","region":"%s","chain":false}""".formatted(code, code.substring(2, 8)), officer);
            assertEquals(201, reg.status(), reg.body());
        }
        Response outlet =
                platform.post("/api/v1/retail/outlets", """
                {"requestId":"%s","enterpriseCreditCode":"%s","name":"城西超市","region":"630104","format":"supermarket",
                 "address":"城西区 5 号","licenceMode":"OWN_LICENCE","licenceNumber":"L-J1"}""".formatted(UUID.randomUUID(), shop), enterprise(shop));
        assertEquals(201, outlet.status(), outlet.body());
        long outletId = outlet.json().get("id").getAsLong();

        String batch = "YAK-" + UUID.randomUUID().toString().substring(0, 8);
        String repack = batch + "-R1";
        event(producer, batch, "PRODUCED", ",\"product\":\"牦牛肉\",\"quantity\":\"1200 kg\"");
        event(producer, batch, "SHIPPED", ",\"counterparty\":\"" + distributor + "\"");
        event(distributor, batch, "RECEIVED", ",\"counterparty\":\"" + producer + "\"");
        event(distributor, repack, "PRODUCED", ",\"product\":\"牦牛肉 500 g 装\",\"parentBatchCode\":\"" + batch + "\"");
        event(distributor, repack, "SHIPPED", ",\"counterparty\":\"" + shop + "\"");
        event(shop, repack, "RECEIVED", ",\"counterparty\":\"" + distributor + "\",\"outletId\":" + outletId);
        event(shop, repack, "SOLD", ",\"outletId\":" + outletId);

        Response trace = platform.get("/api/v1/retail/trace/" + repack);
        assertEquals(200, trace.status(), trace.body());
        JsonObject t = trace.json();
        assertTrue(t.get("chainVerified").getAsBoolean(), trace.body());
        assertEquals(batch, t.get("parentBatchCode").getAsString());
        assertEquals(
                List.of("PRODUCED", "SHIPPED", "RECEIVED", "SOLD"),
                t.getAsJsonArray("events").asList().stream()
                        .map(e -> e.getAsJsonObject().get("type").getAsString())
                        .toList());

        Response reach = platform.get("/api/v1/retail/batches/" + batch + "/recall-reach", officer);
        assertEquals(200, reach.status(), reach.body());
        JsonObject r = reach.json();
        assertEquals(
                Set.of(batch, repack),
                r.getAsJsonArray("batchCodes").asList().stream()
                        .map(JsonElement::getAsString)
                        .collect(Collectors.toSet()));
        Set<String> parties = r.getAsJsonArray("parties").asList().stream()
                .map(p -> p.getAsJsonObject().get("party").getAsString())
                .collect(Collectors.toSet());
        assertEquals(Set.of(distributor, shop), parties, reach.body());
        JsonObject shopReached = r.getAsJsonArray("parties").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(p -> p.get("party").getAsString().equals(shop))
                .findFirst()
                .orElseThrow();
        assertEquals(2, shopReached.get("hops").getAsInt(), "producer → distributor → shop");
        assertEquals(repack, shopReached.get("batchCode").getAsString());
        assertEquals(
                List.of(outletId),
                r.getAsJsonArray("outlets").asList().stream()
                        .map(o -> o.getAsJsonObject().get("id").getAsLong())
                        .toList());
        assertEquals(
                403,
                platform.get("/api/v1/retail/batches/" + batch + "/recall-reach", enterprise(shop))
                        .status(),
                "a shop cannot see who else received the batch");

        // the officer recalls the original batch; a buyer tracing the repacked product now sees the recall
        assertTrue(platform.get("/api/v1/retail/trace/" + repack)
                .json()
                .getAsJsonArray("recalls")
                .isEmpty());
        String recallBody = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"reason\":\"兽药残留超标（抽检报告 2017-081）\"}";
        Response recalled = platform.post("/api/v1/retail/batches/" + batch + "/recalls", recallBody, officer);
        assertEquals(201, recalled.status(), recalled.body());
        assertEquals(
                recalled.json().get("id"),
                platform.post("/api/v1/retail/batches/" + batch + "/recalls", recallBody, officer)
                        .json()
                        .get("id"),
                "a retry is the same recall");
        assertEquals(
                403,
                platform.post(
                                "/api/v1/retail/batches/" + batch + "/recalls",
                                recallBody.replaceAll(
                                        "[0-9a-f]{8}-[0-9a-f-]+",
                                        UUID.randomUUID().toString()),
                                enterprise(producer))
                        .status());
        for (String code : List.of(batch, repack)) {
            Response traced = platform.get("/api/v1/retail/trace/" + code);
            assertEquals(200, traced.status(), traced.body());
            JsonArray recalls = traced.json().getAsJsonArray("recalls");
            assertEquals(1, recalls.size(), traced.body());
            assertEquals(
                    batch, recalls.get(0).getAsJsonObject().get("batchCode").getAsString());
            assertTrue(
                    recalls.get(0).getAsJsonObject().get("reason").getAsString().contains("兽药残留"));
            assertTrue(traced.json().get("chainVerified").getAsBoolean());
        }
    }

    private Response decide(String path, String stage, int version, String token) {
        Response r = platform.post(
                path + "/decisions",
                "{\"stage\": \"" + stage + "\", \"outcome\": \"PASS\", " + "\"expectedVersion\": " + version + "}",
                token);
        assertEquals(200, r.status(), r.body());
        return r;
    }

    private JsonObject report(String month) {
        Response r = platform.get("/api/v1/broadband/reports/" + month);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static JsonObject line(JsonObject report, long projectId) {
        for (JsonElement l : report.getAsJsonArray("lines")) {
            if (l.getAsJsonObject().get("projectId").getAsLong() == projectId) {
                return l.getAsJsonObject();
            }
        }
        throw new AssertionError("project " + projectId + " not in the report of " + report.get("month"));
    }

    private static BigDecimal ownerActual(JsonObject report, String owner) {
        for (JsonElement g : report.getAsJsonArray("byOwner")) {
            JsonObject o = g.getAsJsonObject();
            if (o.get("key").getAsString().equals(owner)) {
                return new BigDecimal(o.get("actualInvestmentYuan").getAsString());
            }
        }
        throw new AssertionError("owner " + owner + " not in " + report.getAsJsonArray("byOwner"));
    }

    private String enterprise(String code) {
        return platform.orgToken("user-" + code, "630000", code, "retail:enterprise");
    }

    private void event(String actor, String batch, String type, String extra) {
        Response r = platform.post(
                "/api/v1/retail/trace-events", """
                {"requestId":"%s","batchCode":"%s","type":"%s","occurredAt":"2017-07-01T08:00:00+08:00"%s}""".formatted(UUID.randomUUID(), batch, type, extra), enterprise(actor));
        assertEquals(201, r.status(), type + " " + batch + ": " + r.body());
        assertNotNull(r.json());
    }

    private static String creditCode(String county) {
        String first17 = "91" + county + "MA"
                + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + CreditCode.checkCharacter(first17);
    }
}
