package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.kit.identity.CreditCode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every department (authenticated) route × every department role × region: allowed, forbidden (403) or
 * unauthenticated (401). The gateway only checks that a token is valid; each service decides who may do what, so
 * this matrix is what the services enforce, seen through the gateway.
 *
 * <p>The table lists each route with a sample request, the roles that may call it, and its region rule: REGION
 * routes act on a region named in the request (or the record's own), which the token's region scope must cover; a
 * token scoped to a prefecture that does not contain it gets 403. Cases generated per route: no token → 401; a token
 * with each role of the platform (province scope, and the organisation the route needs) → allowed for the listed
 * roles, 403 for all others; for REGION routes each allowed role scoped elsewhere → 403. "Allowed" means past the
 * authority checks: any answer but 401/403 and never 5xx (a 404 or 409 for the sample data is fine).
 *
 * <p>Routes that hide whether a record exists answer 404 instead of 403 to those who may not see it (noted as
 * {@code denied = 404}).
 */
class AccessMatrixE2eTest {

    static final String PROVINCE = "630000";
    static final String COUNTY = "630123"; // 湟中 (Xining); cases, residents
    static final String ELSEWHERE = "632700"; // 玉树: a scope that covers none of the sample data
    static final String HOSPITAL = "e2e-matrix-hospital";
    static final String JSON = "application/json";

    /** Every department role of the platform. */
    static final List<String> ROLES = List.of(
            "wage:admin",
            "dibao:clerk",
            "dibao:township-reviewer",
            "dibao:verifier",
            "dibao:county-approver",
            "dibao:poverty-office",
            "enterprise-cost:applicant",
            "enterprise-cost:reviewer",
            "enterprise-cost:approval-officer",
            "broadband:admin",
            "broadband:reporter",
            "retail:commerce-officer",
            "retail:enterprise",
            "retail:carrier",
            "health:clinician",
            "health:registrar",
            "health:resident",
            "health:auditor",
            "health:public-health",
            "hotline:operator",
            "hotline:agency",
            "hotline:supervisor");

    enum Region {
        REGION,
        ANY
    }

    /**
     * One row of the table.
     *
     * @param org     the organisation claim a legitimate caller's token carries (empty when none is needed)
     * @param denied  the status for a role that may not call it (403, or 404 where existence is hidden)
     */
    record Route(
            String method,
            String path,
            String contentType,
            Supplier<String> body,
            Set<String> roles,
            Region region,
            String org,
            int denied,
            Set<String> regionFree) {
        Route(
                String method,
                String path,
                String contentType,
                Supplier<String> body,
                Set<String> roles,
                Region region,
                String org,
                int denied) {
            this(method, path, contentType, body, roles, region, org, denied, Set.of());
        }

        /** Whether the region rule applies to {@code role} (an organisation acting for itself has no region). */
        boolean regionScoped(String role) {
            return region == Region.REGION && !regionFree.contains(role) && !role.equals("health:resident");
        }

        /** A JSON POST that only {@code roles} may make, 403 for any other role, with no organisation claim. */
        static Route post(String path, Supplier<String> body, Set<String> roles, Region region) {
            return new Route("POST", path, JSON, body, roles, region, "", 403);
        }

        /** A GET that only {@code roles} may make, 403 for any other role, with no organisation claim. */
        static Route get(String path, Set<String> roles, Region region) {
            return new Route("GET", path, JSON, null, roles, region, "", 403);
        }

        String name() {
            return method + " " + path.replaceAll("\\?.*", "");
        }
    }

    private static PlatformUnderTest platform;
    private static Fixtures f;

    /** Records the sample requests refer to, made once through the gateway. */
    record Fixtures(
            String caseId,
            String resident,
            String revocableConsent,
            String applicationId,
            String applicant,
            String enterprise,
            String carrier,
            String shipment,
            String projectOwner,
            long projectId,
            String investmentProjectId) {}

    @BeforeAll
    static void fixtures() {
        platform = PlatformUnderTest.get();
        String resident = DibaoE2eTest.id(COUNTY, 40);
        String clerk = platform.token("m-clerk", COUNTY, "dibao:clerk");
        Response c = platform.post(
                "/api/v1/dibao/cases", """
                {"requestId": "%s", "household": {"county": "%s", "township": "多巴镇", "members": [
                  {"name": "马矩阵", "idNumber": "%s", "relation": "本人", "workAbility": "FULL",
                   "incomes": [{"type": "WAGE", "annualAmount": "1000"}]}]}}""".formatted(UUID.randomUUID(), COUNTY, DibaoE2eTest.id(COUNTY, 44)), clerk);
        assertEquals(201, c.status(), c.body());

        assertEquals(
                201,
                platform.post(
                                "/api/v1/health-data/residents",
                                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"identityNumber\":\"" + resident
                                        + "\",\"name\":\"矩阵\",\"region\":\"" + COUNTY + "\"}",
                                platform.token("m-registrar", COUNTY, "health:registrar"))
                        .status());
        String self = platform.token(resident, "", "health:resident");
        assertEquals(201, grant(resident, HOSPITAL, self).status());
        Response revocable = grant(resident, "e2e-matrix-other", self);
        assertEquals(201, revocable.status(), revocable.body());

        String applicant = creditCode("630102");
        Response app = platform.post(
                "/api/v1/enterprise-cost/applications",
                "{\"kind\": \"STABLE_JOB\", "
                        + "\"enterpriseCreditCode\": \"" + applicant + "\", \"applicantName\": \"矩阵制造有限公司\", "
                        + "\"region\": \"630102\", \"inputs\": {\"lastYearUnemploymentInsurancePaid\": \"84000\", "
                        + "\"paidInFull\": true, \"laidOffNoneOrFew\": true}, \"requestId\": \"" + UUID.randomUUID()
                        + "\"}",
                platform.orgToken("m-applicant", "", applicant, "enterprise-cost:applicant"));
        assertEquals(201, app.status(), app.body());

        String officer = platform.token("m-officer", PROVINCE, "retail:commerce-officer");
        String enterprise = creditCode("630103");
        Response e = platform.post("/api/v1/retail/enterprises", """
                {"creditCode":"%s","name":"矩阵零售","region":"630103","chain":false}""".formatted(enterprise), officer);
        assertEquals(201, e.status(), e.body());
        String carrier = creditCode("630104");
        String shipment = "M-" + UUID.randomUUID().toString().substring(0, 8);
        Response s = platform.post(
                "/api/v1/retail/shipments",
                "{\"shipmentCode\":\"" + shipment + "\",\"productClass\":\"frozen\"}",
                platform.orgToken("m-carrier", PROVINCE, carrier, "retail:carrier"));
        assertEquals(201, s.status(), s.body());

        String owner = "中国电信青海分公司";
        Response projects = platform.get("/api/v1/broadband/projects?pageSize=200&owner="
                + java.net.URLEncoder.encode(owner, StandardCharsets.UTF_8));
        long projectId = projects.json()
                .getAsJsonArray("projects")
                .get(0)
                .getAsJsonObject()
                .get("id")
                .getAsLong();

        Response investment = platform.post(
                "/api/v1/enterprise-cost/investment-projects",
                investmentProject(),
                platform.token("m-approval", PROVINCE, "enterprise-cost:approval-officer"));
        assertEquals(201, investment.status(), investment.body());

        f = new Fixtures(
                c.json().get("id").getAsString(),
                resident,
                revocable.json().get("id").getAsString(),
                app.json().get("id").getAsString(),
                applicant,
                enterprise,
                carrier,
                shipment,
                owner,
                projectId,
                investment.json().get("id").getAsString());
    }

    /** An enterprise investment project received in 630102 (青政〔2017〕42号 八(四)). */
    private static String investmentProject() {
        return "{\"requestId\": \"" + UUID.randomUUID() + "\", \"projectCode\": \"M-2017-0001\", \"projectName\": "
                + "\"矩阵项目\", \"enterpriseCreditCode\": \"" + creditCode("630102") + "\", \"region\": \"630102\", "
                + "\"department\": \"西宁市发展改革委\"}";
    }

    static List<Route> table() {
        List<Route> t = new ArrayList<>();
        Set<String> anyDibao = Set.of(
                "dibao:clerk",
                "dibao:township-reviewer",
                "dibao:verifier",
                "dibao:county-approver",
                "dibao:poverty-office");
        String month = YearMonth.now().toString();

        // wage (632800 海西: no other test publishes there; WageE2eTest needs 632600 free of later standards)
        t.add(Route.post(
                "/api/v1/wage/standards",
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"region\":\"632800\",\"effectiveFrom\":\"2098-01-01\",\"monthly\":\"3000.00\",\"hourly\":"
                        + "\"30.00\",\"citation\":{\"document\":\"青政〔2098〕1号\",\"clause\":\"一\"}}",
                Set.of("wage:admin"),
                Region.REGION));

        // dibao (county 630123 for cases; standards in 632802 so no other test's benefit changes)
        t.add(Route.post(
                "/api/v1/dibao/standards",
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"county\":\"632802\",\"effectiveFrom\":\""
                        + YearMonth.now().plusMonths(1).atDay(1)
                        + "\",\"annualAmount\":\"5000\",\"citation\":{\"document\":\"格政〔2026〕1号\",\"clause\":\"一\"}}",
                Set.of("dibao:county-approver"),
                Region.REGION));
        t.add(Route.post(
                "/api/v1/dibao/cases",
                () -> """
                {"requestId": "%s", "household": {"county": "%s", "township": "多巴镇", "members": [
                  {"name": "马矩阵", "idNumber": "%s", "relation": "本人", "workAbility": "FULL",
                   "incomes": [{"type": "WAGE", "annualAmount": "1000"}]}]}}""".formatted(UUID.randomUUID(), COUNTY, DibaoE2eTest.id(COUNTY, 47)),
                Set.of("dibao:clerk"),
                Region.REGION));
        t.add(Route.get("/api/v1/dibao/cases?county=" + COUNTY, anyDibao, Region.REGION));
        t.add(Route.get("/api/v1/dibao/cases/{case}", anyDibao, Region.REGION));
        // each stage's decision is its own role's alone
        for (String[] stage : new String[][] {
            {"TOWNSHIP_REVIEW", "dibao:township-reviewer"},
            {"VERIFICATION", "dibao:verifier"},
            {"COUNTY_APPROVAL", "dibao:county-approver"}
        }) {
            t.add(Route.post(
                    "/api/v1/dibao/cases/{case}/decisions",
                    () -> "{\"stage\": \"" + stage[0] + "\", \"outcome\": \"PASS\", \"expectedVersion\": 99}",
                    Set.of(stage[1]),
                    Region.REGION));
        }
        t.add(Route.post(
                "/api/v1/dibao/cases/{case}/exit",
                () -> "{\"reason\": \"OTHER\", \"expectedVersion\": 99, \"note\": \"矩阵\"}",
                Set.of("dibao:county-approver"),
                Region.REGION));
        t.add(Route.get("/api/v1/dibao/payment-rosters?county=" + COUNTY + "&month=" + month, anyDibao, Region.REGION));
        t.add(Route.post(
                "/api/v1/dibao/temporary-assistance",
                () -> """
                {"requestId":"%s","county":"%s","township":"多巴镇","beneficiaryName":"韩梅","beneficiaryIdNumber":"%s",
                 "amount":"100","reason":"意外伤害","entrustment":"委托书1号"}""".formatted(UUID.randomUUID(), COUNTY, DibaoE2eTest.id(COUNTY, 30)),
                Set.of("dibao:township-reviewer", "dibao:county-approver"),
                Region.REGION));
        // issue 19: the county payment method (GAP only, so no benefit changes) and township intake reports
        t.add(Route.post(
                "/api/v1/dibao/payment-methods",
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"county\":\"632802\",\"effectiveFrom\":\""
                        + YearMonth.now().plusMonths(1).atDay(1)
                        + "\",\"method\":\"GAP\",\"citation\":{\"document\":\"格政〔2026〕2号\",\"clause\":\"一\"}}",
                Set.of("dibao:county-approver"),
                Region.REGION));
        t.add(Route.post(
                "/api/v1/dibao/intake-reports",
                () -> """
                {"requestId": "%s", "county": "%s", "township": "矩阵-%s", "month": "%s"}""".formatted(
                                UUID.randomUUID(),
                                COUNTY,
                                UUID.randomUUID().toString().substring(0, 8),
                                YearMonth.now().minusMonths(1)),
                Set.of("dibao:township-reviewer"),
                Region.REGION));
        t.add(Route.get("/api/v1/dibao/intake-reports?county=" + COUNTY, anyDibao, Region.REGION));
        // rows outside the importer's scope are bad rows (reported by line), so the import itself has no region
        t.add(new Route(
                "POST",
                "/api/v1/dibao/poverty-roster-imports",
                "text/csv",
                () -> "id_number,name,county\n" + DibaoE2eTest.id("630121", 50) + ",张矩阵,630121\n",
                Set.of("dibao:poverty-office"),
                Region.ANY,
                "",
                403));
        t.add(Route.get(
                "/api/v1/dibao/cross-match-reports?region=" + COUNTY,
                Set.of("dibao:poverty-office", "dibao:county-approver"),
                Region.REGION));
        for (String path : List.of("/api/v1/dibao/caseload-simulations", "/api/v1/dibao/caseload-simulations.csv")) {
            t.add(Route.post(
                    path,
                    () -> "{\"region\": \"" + COUNTY + "\", \"month\": \"2019-03\", "
                            + "\"reform\": {\"overrides\": [{\"id\": \"dibao.provincial_floor\", \"value\": \"4400\"}]}}",
                    Set.of("dibao:poverty-office", "dibao:county-approver"),
                    Region.REGION));
        }

        // enterprise-cost (application in 630102)
        t.add(new Route(
                "POST",
                "/api/v1/enterprise-cost/applications",
                JSON,
                () -> "{\"kind\": \"STABLE_JOB\", "
                        + "\"enterpriseCreditCode\": \"" + f.applicant + "\", \"applicantName\": \"矩阵制造有限公司\", "
                        + "\"region\": \"630102\", \"inputs\": {\"lastYearUnemploymentInsurancePaid\": \"84000\", "
                        + "\"paidInFull\": true, \"laidOffNoneOrFew\": true}, \"requestId\": \"" + UUID.randomUUID()
                        + "\"}",
                Set.of("enterprise-cost:applicant"),
                Region.ANY,
                "{applicant}",
                403));
        t.add(new Route(
                "GET",
                "/api/v1/enterprise-cost/applications",
                JSON,
                null,
                Set.of("enterprise-cost:applicant", "enterprise-cost:reviewer"),
                Region.ANY,
                "{applicant}",
                403));
        t.add(Route.get(
                "/api/v1/enterprise-cost/applications/overdue", Set.of("enterprise-cost:reviewer"), Region.ANY));
        t.add(new Route(
                "GET",
                "/api/v1/enterprise-cost/applications/{application}",
                JSON,
                null,
                Set.of("enterprise-cost:applicant", "enterprise-cost:reviewer"),
                Region.REGION,
                "{applicant}",
                404));
        t.add(Route.post(
                "/api/v1/enterprise-cost/applications/{application}/review",
                () -> "{\"version\": 99}",
                Set.of("enterprise-cost:reviewer"),
                Region.REGION));
        t.add(Route.post(
                "/api/v1/enterprise-cost/applications/{application}/decision",
                () -> "{\"version\": 99, \"approve\": true, \"approvedAmount\": \"1\"}",
                Set.of("enterprise-cost:reviewer"),
                Region.REGION));

        // enterprise-cost investment projects on the 15-working-day clock (project in 630102)
        t.add(Route.post(
                "/api/v1/enterprise-cost/investment-projects",
                AccessMatrixE2eTest::investmentProject,
                Set.of("enterprise-cost:approval-officer"),
                Region.REGION));
        t.add(Route.get(
                "/api/v1/enterprise-cost/investment-projects/overdue",
                Set.of("enterprise-cost:approval-officer"),
                Region.ANY));
        t.add(new Route(
                "GET",
                "/api/v1/enterprise-cost/investment-projects/{investment}",
                JSON,
                null,
                Set.of("enterprise-cost:approval-officer"),
                Region.REGION,
                "",
                404));
        t.add(Route.post(
                "/api/v1/enterprise-cost/investment-projects/{investment}/steps",
                () -> "{\"version\": 99, \"stepName\": \"用地预审\", \"department\": \"国土\"}",
                Set.of("enterprise-cost:approval-officer"),
                Region.REGION));
        t.add(Route.post(
                "/api/v1/enterprise-cost/investment-projects/{investment}/decision",
                () -> "{\"version\": 99, \"approved\": true}",
                Set.of("enterprise-cost:approval-officer"),
                Region.REGION));

        // broadband (a 中国电信 project; reporters are scoped by organisation, not region)
        t.add(new Route(
                "POST",
                "/api/v1/broadband/progress-reports",
                JSON,
                () -> "{\"requestId\":\""
                        + UUID.randomUUID() + "\",\"projectId\":" + f.projectId + ",\"month\":\"2017-05\","
                        + "\"cumulativeInvestmentYuan\":\"1000\",\"status\":\"IN_PROGRESS\",\"physicalProgressPercent\":\"1\"}",
                Set.of("broadband:admin", "broadband:reporter"),
                Region.ANY,
                "{owner}",
                403));
        t.add(new Route(
                "GET",
                "/api/v1/broadband/progress-reports?month=2017-06",
                JSON,
                null,
                Set.of("broadband:admin", "broadband:reporter"),
                Region.ANY,
                "{owner}",
                403));
        t.add(Route.post(
                "/api/v1/broadband/indicator-actuals",
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"indicatorId\":\"1.1\",\"month\":\"2017-06\",\"value\":\"1\"}",
                Set.of("broadband:admin"),
                Region.ANY));
        t.add(Route.post(
                "/api/v1/broadband/consumption-actuals",
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"nodeId\":\"consumption.1.1\",\"month\":\"2017-06\",\"value\":\"1\"}",
                Set.of("broadband:admin"),
                Region.ANY));

        // hotline (an agency's org is its agency id; scope by the region named in the request)
        Set<String> anyHotline = Set.of("hotline:operator", "hotline:agency", "hotline:supervisor");
        t.add(new Route(
                "GET",
                "/api/v1/hotline/tickets?region=" + COUNTY,
                JSON,
                null,
                anyHotline,
                Region.REGION,
                "630100-justice",
                403));
        t.add(new Route(
                "GET",
                "/api/v1/hotline/overdue?region=" + COUNTY,
                JSON,
                null,
                anyHotline,
                Region.REGION,
                "630100-justice",
                403));
        t.add(Route.get(
                "/api/v1/hotline/samples?region=630100&from=2017-07-01&to=2017-07-31&size=5",
                Set.of("hotline:supervisor"),
                Region.REGION));
        t.add(Route.get("/api/v1/hotline/reports/2017-Q3?region=630100", Set.of("hotline:supervisor"), Region.REGION));

        // retail (enterprise in 630103; recall reach is province-wide by design)
        t.add(Route.post(
                "/api/v1/retail/enterprises",
                () -> """
                {"creditCode":"%s","name":"矩阵零售","region":"630103","chain":false}""".formatted(creditCode("630103")),
                Set.of("retail:commerce-officer"),
                Region.REGION));
        t.add(new Route(
                "POST",
                "/api/v1/retail/outlets",
                JSON,
                () -> """
                {"requestId":"%s","enterpriseCreditCode":"%s","name":"矩阵店","region":"630103","format":"supermarket",
                 "address":"城中区 9 号","licenceMode":"OWN_LICENCE","licenceNumber":"L-M"}""".formatted(UUID.randomUUID(), f.enterprise),
                Set.of("retail:commerce-officer", "retail:enterprise"),
                Region.REGION,
                "{enterprise}",
                403,
                Set.of("retail:enterprise")));
        t.add(Route.post(
                "/api/v1/retail/brands",
                () -> """
                {"enterpriseCreditCode":"%s","brand":"矩阵","certificateNumber":"QH-M-%s","recognisedOn":"2017-06-01"}""".formatted(f.enterprise, UUID.randomUUID().toString().substring(0, 8)),
                Set.of("retail:commerce-officer"),
                Region.REGION));
        t.add(Route.post(
                "/api/v1/retail/pallet-pilots",
                () -> """
                {"enterpriseCreditCode":"%s","sector":"retail"}""".formatted(f.enterprise),
                Set.of("retail:commerce-officer"),
                Region.ANY));
        t.add(new Route(
                "POST",
                "/api/v1/retail/trace-events",
                JSON,
                () -> """
                {"requestId":"%s","batchCode":"M-%s","type":"PRODUCED","occurredAt":"2017-07-01T08:00:00+08:00",
                 "product":"青稞"}""".formatted(
                                UUID.randomUUID(), UUID.randomUUID().toString().substring(0, 8)),
                Set.of("retail:enterprise"),
                Region.ANY,
                "{enterprise}",
                403));
        t.add(Route.get(
                "/api/v1/retail/batches/NO-SUCH-BATCH/recall-reach", Set.of("retail:commerce-officer"), Region.ANY));
        t.add(Route.post(
                "/api/v1/retail/batches/NO-SUCH-BATCH/recalls",
                () -> "{\"requestId\":\"" + UUID.randomUUID() + "\",\"reason\":\"矩阵\"}",
                Set.of("retail:commerce-officer"),
                Region.ANY));
        t.add(new Route(
                "POST",
                "/api/v1/retail/shipments",
                JSON,
                () -> "{\"shipmentCode\":\"M-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"productClass\":\"frozen\"}",
                Set.of("retail:carrier"),
                Region.ANY,
                "{carrier}",
                403));
        t.add(new Route(
                "POST",
                "/api/v1/retail/shipments/{shipment}/readings",
                JSON,
                () -> "{\"readings\":[{\"recordedAt\":\"2017-07-01T08:00:00+08:00\",\"celsius\":\"-20\"}]}",
                Set.of("retail:carrier"),
                Region.ANY,
                "{carrier}",
                403));
        t.add(new Route(
                "GET",
                "/api/v1/retail/shipments/{shipment}/excursions",
                JSON,
                null,
                Set.of("retail:carrier", "retail:commerce-officer"),
                Region.ANY,
                "{carrier}",
                403));
        t.add(new Route(
                "GET",
                "/api/v1/retail/carriers/{carrier}/alerts",
                JSON,
                null,
                Set.of("retail:carrier", "retail:commerce-officer"),
                Region.ANY,
                "{carrier}",
                403));
        t.add(new Route(
                "POST",
                "/api/v1/retail/excursions/999999999/acknowledgement",
                JSON,
                () -> "{\"note\":\"矩阵\"}",
                Set.of("retail:carrier"),
                Region.ANY,
                "{carrier}",
                403));
        t.add(new Route(
                "POST",
                "/api/v1/retail/service-points",
                JSON,
                () -> """
                {"requestId":"%s","kind":"VILLAGE_ECOMMERCE_POINT","operatorCreditCode":"%s","townshipCode":"630103001",
                 "townshipName":"矩阵镇","village":"","services":["retail"]}""".formatted(UUID.randomUUID(), f.enterprise),
                Set.of("retail:commerce-officer", "retail:enterprise"),
                Region.ANY,
                "{enterprise}",
                403));
        t.add(new Route(
                "POST",
                "/api/v1/retail/subsidy-applications",
                JSON,
                () -> """
                {"requestId":"%s","servicePointId":999999999,"constructionCost":"100000","requestedAmount":"10000",
                 "description":"矩阵"}""".formatted(UUID.randomUUID()),
                Set.of("retail:enterprise"),
                Region.ANY,
                "{enterprise}",
                403));
        t.add(Route.post(
                "/api/v1/retail/subsidy-applications/999999999/decision",
                () -> "{\"version\":1,\"approve\":false,\"reason\":\"矩阵\"}",
                Set.of("retail:commerce-officer"),
                Region.ANY));
        t.add(new Route(
                "POST",
                "/api/v1/retail/monthly-reports",
                JSON,
                () -> """
                {"creditCode":"%s","month":"2017-06","format":"supermarket","region":"630103",
                 "annualMainBusinessRevenue":"30000000","retailSales":"1000000","onlineSales":"0"}""".formatted(f.enterprise),
                Set.of("retail:enterprise"),
                Region.ANY,
                "{enterprise}",
                403));
        t.add(Route.get(
                "/api/v1/retail/statistics?fromMonth=2017-01&toMonth=2017-06",
                Set.of("retail:commerce-officer"),
                Region.ANY));
        t.add(Route.get(
                "/api/v1/retail/statistics.csv?fromMonth=2017-01&toMonth=2017-06",
                Set.of("retail:commerce-officer"),
                Region.ANY));

        // health-data (resident of 630123; the hospital holds the resident's consent for treatment)
        t.add(new Route(
                "POST",
                "/api/v1/health-data/residents",
                JSON,
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + DibaoE2eTest.id(COUNTY, 33) + "\",\"name\":\"矩阵\",\"region\":\""
                        + COUNTY + "\"}",
                Set.of("health:clinician", "health:registrar"),
                Region.REGION,
                HOSPITAL,
                403));
        t.add(new Route(
                "POST",
                "/api/v1/health-data/records/lookup",
                JSON,
                () -> "{\"identityNumber\":\"" + f.resident + "\",\"purpose\":\"treatment\"}",
                Set.of("health:clinician"),
                Region.REGION,
                HOSPITAL,
                403));
        t.add(new Route(
                "POST",
                "/api/v1/health-data/records/fhir",
                JSON,
                () -> "{\"identityNumber\":\"" + f.resident + "\",\"purpose\":\"treatment\"}",
                Set.of("health:clinician"),
                Region.REGION,
                HOSPITAL,
                403));
        t.add(new Route(
                "POST",
                "/api/v1/health-data/entries",
                JSON,
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + f.resident
                        + "\",\"purpose\":\"treatment\",\"kind\":\"HEALTH_CHECK\","
                        + "\"recordedOn\":\"" + LocalDate.now() + "\",\"summary\":\"矩阵\",\"region\":\"" + COUNTY
                        + "\"}",
                Set.of("health:clinician"),
                Region.REGION,
                HOSPITAL,
                403));
        t.add(new Route(
                "POST",
                "/api/v1/health-data/encounters",
                JSON,
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + f.resident
                        + "\",\"purpose\":\"treatment\",\"type\":\"OUTPATIENT\","
                        + "\"startDate\":\"" + LocalDate.now() + "\",\"region\":\"" + COUNTY
                        + "\",\"diagnosisCode\":\"J06.9\","
                        + "\"diagnosisName\":\"感冒\",\"totalCost\":\"100.00\",\"selfPaid\":\"10.00\"}",
                Set.of("health:clinician"),
                Region.REGION,
                HOSPITAL,
                403));
        t.add(new Route(
                "GET",
                "/api/v1/health-data/encounters?purpose=treatment",
                JSON,
                null,
                Set.of("health:clinician"),
                Region.ANY,
                HOSPITAL,
                403));
        t.add(Route.post(
                "/api/v1/health-data/consents",
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + f.resident + "\",\"organisation\":\"e2e-matrix-clinic\","
                        + "\"purpose\":\"treatment\",\"validFrom\":\"2020-01-01\"}",
                Set.of("health:resident", "health:registrar"),
                Region.REGION));
        t.add(Route.post(
                "/api/v1/health-data/consents/{consent}/revoke",
                () -> "{\"identityNumber\":\"" + f.resident + "\"}",
                Set.of("health:resident", "health:registrar"),
                Region.REGION));
        t.add(Route.post(
                "/api/v1/health-data/consents/lookup",
                () -> "{\"identityNumber\":\"" + f.resident + "\"}",
                Set.of("health:resident", "health:registrar"),
                Region.REGION));
        t.add(Route.post(
                "/api/v1/health-data/access-log/lookup",
                () -> "{\"identityNumber\":\"" + f.resident + "\"}",
                Set.of("health:resident", "health:auditor"),
                Region.REGION));
        t.add(Route.post("/api/v1/health-data/audit/verification", () -> "{}", Set.of("health:auditor"), Region.ANY));
        t.add(Route.post(
                "/api/v1/health-data/medical-expenses/lookup",
                () -> "{\"identityNumber\":\"" + f.resident + "\",\"year\":"
                        + LocalDate.now().getYear()
                        + ",\"purpose\":\"dibao-verification\",\"caseReference\":\"matrix\"}",
                Set.of("dibao:verifier"),
                Region.REGION));
        t.add(new Route(
                "POST",
                "/api/v1/health-data/case-reports",
                JSON,
                () -> "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + f.resident
                        + "\",\"diseaseCode\":\"A09\",\"classification\":\"CLINICAL\","
                        + "\"onsetDate\":\"" + LocalDate.now() + "\",\"diagnosisDate\":\"" + LocalDate.now()
                        + "\",\"county\":\""
                        + COUNTY + "\"}",
                Set.of("health:clinician", "health:public-health"),
                Region.REGION,
                HOSPITAL,
                403));
        t.add(Route.get(
                "/api/v1/health-data/early-warnings?weekOf=" + LocalDate.now(),
                Set.of("health:public-health"),
                Region.ANY));
        return t;
    }

    @TestFactory
    Stream<DynamicTest> everyDepartmentRouteByRoleAndRegion() {
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> routeNames = new LinkedHashSet<>();
        for (Route r : table()) {
            routeNames.add(r.name());
            tests.add(DynamicTest.dynamicTest(r.name() + " without a token → 401", () -> {
                Response a = call(r, null);
                assertEquals(401, a.status(), a.body());
            }));
            for (String role : ROLES) {
                boolean allowed = r.roles().contains(role);
                tests.add(DynamicTest.dynamicTest(
                        r.name() + " as " + role + " → " + (allowed ? "allowed" : r.denied()), () -> {
                            Response a = call(r, token(r, role, PROVINCE));
                            if (allowed) {
                                assertAllowed(a);
                            } else {
                                assertEquals(r.denied(), a.status(), a.body());
                                assertTrue(a.isProblem(), a.body());
                            }
                        }));
                if (allowed && r.regionScoped(role)) {
                    tests.add(DynamicTest.dynamicTest(
                            r.name() + " as " + role + " of " + ELSEWHERE + " → " + r.denied(), () -> {
                                Response a = call(r, token(r, role, ELSEWHERE));
                                assertEquals(r.denied(), a.status(), a.body());
                            }));
                }
            }
        }
        System.out.printf(
                "e2e: access matrix: %d routes, %d roles, %d cases%n", routeNames.size(), ROLES.size(), tests.size());
        return tests.stream();
    }

    private static void assertAllowed(Response a) {
        assertTrue(a.status() != 401 && a.status() != 403 && a.status() < 500, a.status() + " " + a.body());
    }

    /** A token for {@code role} scoped to {@code region}, with the organisation the route needs. */
    private static String token(Route r, String role, String region) {
        String org = switch (r.org()) {
            case "{applicant}" -> f.applicant;
            case "{enterprise}" -> f.enterprise;
            case "{carrier}" -> f.carrier;
            case "{owner}" -> f.projectOwner;
            default -> r.org();
        };
        if (role.equals("health:resident")) {
            return platform.token(f.resident, "", role); // a resident acts for themself only
        }
        return platform.orgToken("m-" + role, region, org, role);
    }

    private static Response call(Route r, String token) {
        String path = r.path()
                .replace("{case}", f.caseId)
                .replace("{application}", f.applicationId)
                .replace("{shipment}", f.shipment)
                .replace("{carrier}", f.carrier)
                .replace("{consent}", f.revocableConsent)
                .replace("{investment}", f.investmentProjectId);
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(platform.url(path))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (r.method().equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", r.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(r.body().get(), StandardCharsets.UTF_8));
        }
        return platform.send(b.build());
    }

    private static Response grant(String resident, String organisation, String token) {
        return platform.post(
                "/api/v1/health-data/consents",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + resident + "\",\"organisation\":\"" + organisation
                        + "\",\"purpose\":\"treatment\",\"validFrom\":\"2020-01-01\"}",
                token);
    }

    private static String creditCode(String county) {
        String first17 = "91" + county + "MA"
                + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + CreditCode.checkCharacter(first17);
    }
}
