package cn.gov.qinghai.client.check;

import cn.gov.qinghai.client.ApiClient;
import cn.gov.qinghai.client.ApiException;
import cn.gov.qinghai.client.api.BroadbandApi;
import cn.gov.qinghai.client.api.DibaoApi;
import cn.gov.qinghai.client.api.EnterpriseCostApi;
import cn.gov.qinghai.client.api.HealthDataApi;
import cn.gov.qinghai.client.api.HotlineApi;
import cn.gov.qinghai.client.api.RetailApi;
import cn.gov.qinghai.client.api.WageApi;
import cn.gov.qinghai.client.model.Problem;
import cn.gov.qinghai.client.model.ProblemErrorsInner;
import cn.gov.qinghai.client.model.WageV1PublishStandardRequest;
import cn.gov.qinghai.client.model.CommonV1Citation;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiled together with the client that openapi-generator made from the served OpenAPI document, and run by
 * GeneratedClientE2eTest: typed calls into every domain through the running platform. It compiles only if the
 * document gives the operations and models the names and types used here. Returns what failed (empty = all good).
 */
public final class ClientDriver {

    private final List<String> failures = new ArrayList<>();
    private final String baseUrl;
    private final Map<String, String> tokens;

    private ClientDriver(String baseUrl, Map<String, String> tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /** {@code tokens}: bearer token by role, minted by the test. */
    public static List<String> run(String baseUrl, Map<String, String> tokens) {
        ClientDriver d = new ClientDriver(baseUrl, tokens);
        d.wage();
        d.dibao();
        d.enterpriseCost();
        d.healthData();
        d.retail();
        d.broadband();
        d.hotline();
        return d.failures;
    }

    private ApiClient client(String role) {
        ApiClient c = new ApiClient();
        URI uri = URI.create(baseUrl);
        c.setScheme(uri.getScheme());
        c.setHost(uri.getHost());
        c.setPort(uri.getPort());
        c.setBasePath("");
        if (role != null) {
            String token = tokens.get(role);
            c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        }
        return c;
    }

    private void wage() {
        step("wage public", () -> {
            var w = new WageApi(client(null)).wageGetMinimumWage("630100", "2017-05-01");
            expect("wage monthly", "1500.00", w.getMonthly());
            expect("wage citation", "青政〔2017〕41号", w.getCitation().getDocument());
            check("wage explanation steps", !w.getExplanation().isEmpty() && w.getExplanation().get(0).getOrder() == 1);
        });
        // 632200 海北: no other e2e test publishes wage standards there (DatabaseRestartE2eTest publishes 2099 dates
        // for 632300, and a standard must start after the newest one, so sharing a region made the order matter).
        step("wage department", () -> {
            var published = new WageApi(client("wage:admin")).wagePublishStandard(null, new WageV1PublishStandardRequest()
                    .requestId("generated-client-wage").region("632200").effectiveFrom("2099-01-01")
                    .monthly(new BigDecimal("3100.00")).hourly(new BigDecimal("31.00"))   // Required decimals: exact
                    .citation(new CommonV1Citation().document("青政〔2099〕1号").clause("一")));
            expect("published monthly", "3100.00", published.getStandard().getMonthly());
        });
        problem("wage bad request", () -> new WageApi(client(null)).wageGetMinimumWage("999999", "2017-05-01"),
                400, "region");
    }

    private void dibao() {
        step("dibao public", () -> {
            var list = new DibaoApi(client(null)).dibaoListPublicRecipients("630121", null, 5, null);
            check("dibao recipients total >= 0", list.getTotalSize() != null && list.getTotalSize() >= 0);
        });
        step("dibao department", () -> {
            var cases = new DibaoApi(client("dibao:clerk")).dibaoListCases("630123", null, 5, null);
            check("dibao cases list", cases.getCases() != null);
        });
        problem("dibao bad request", () -> new DibaoApi(client(null)).dibaoListPublicRecipients("630121", null, -1,
                null), 400, "pageSize");
    }

    private void enterpriseCost() {
        step("enterprise-cost public", () -> {
            var catalogue = new EnterpriseCostApi(client(null)).enterpriseCostListCalculators();
            expect("calculators", 14, catalogue.getCalculators().size());   // 12 + makerspace-award, student-startup-fund (main)
            var calc = new EnterpriseCostApi(client(null)).enterpriseCostCalculate("rd-subsidy", null,
                    Map.of("superDeductionTaxExemption", "1500000"));
            expect("rd-subsidy amount", "150000.00", calc.getAmount());
        });
        step("enterprise-cost department", () -> {
            var apps = new EnterpriseCostApi(client("enterprise-cost:reviewer")).enterpriseCostListApplications(
                    null, null, 5, null);
            check("applications list", apps.getApplications() != null);
        });
        problem("enterprise-cost bad request", () -> new EnterpriseCostApi(client(null))
                .enterpriseCostComputeDeadline("2017-02-30", null), 400, "receivedOn");
    }

    private void healthData() {
        step("health-data public", () -> {
            var table = new HealthDataApi(client(null)).healthDataGetOpenStatistics(List.of("region", "sex"),
                    null, null, null, null, null);
            check("statistics dimensions", table.getDimensions() != null);
        });
        step("health-data department", () -> {
            var verified = new HealthDataApi(client("health:auditor")).healthDataVerifyAuditChain(Map.of());
            check("audit chain intact", Boolean.TRUE.equals(verified.getIntact()));
        });
        problem("health-data bad request", () -> new HealthDataApi(client(null)).healthDataGetOpenStatistics(
                List.of("nope"), null, null, null, null, null), 400, "dimensions[0]");
    }

    private void retail() {
        step("retail public", () -> {
            var formats = new RetailApi(client(null)).retailListFormats();
            check("retail formats", !formats.getFormats().isEmpty());
        });
        step("retail department", () -> {
            var aggregates = new RetailApi(client("retail:commerce-officer")).retailGetRetailAggregates("2017-01",
                    "2017-06", null, null);
            check("retail aggregates", aggregates != null);
        });
        problem("retail bad request", () -> new RetailApi(client(null)).retailListOutlets("abc", null, null, null),
                400, "region");
    }

    private void broadband() {
        step("broadband public", () -> {
            var projects = new BroadbandApi(client(null)).broadbandListProjects(null, null, null, 1, null);
            expect("projects", 117, projects.getTotalSize());
        });
        step("broadband department", () -> {
            var reports = new BroadbandApi(client("broadband:admin")).broadbandListProgressReports(null, "2017-06",
                    5, null);
            check("progress reports", reports.getReports() != null);
        });
        problem("broadband bad request", () -> new BroadbandApi(client(null)).broadbandGetInvestmentSummary("nope",
                null), 400, "groupBy");
    }

    private void hotline() {
        step("hotline public", () -> {
            var catalogue = new HotlineApi(client(null)).hotlineListCategories("2017-07-01");
            check("hotline categories", !catalogue.getCategories().isEmpty());
            check("hotline catalogue cited", catalogue.getCatalogue() != null);
        });
        step("hotline department", () -> {
            var tickets = new HotlineApi(client("hotline:operator")).hotlineListTickets("630100", null, null, null,
                    5, null);
            check("hotline tickets total >= 0", tickets.getTotalSize() != null && tickets.getTotalSize() >= 0);
        });
        problem("hotline bad request", () -> new HotlineApi(client(null)).hotlineListCategories("2017-02-30"),
                400, "date");
    }

    interface Call {
        void run() throws Exception;
    }

    private void step(String name, Call call) {
        try {
            call.run();
        } catch (ApiException e) {
            failures.add(name + ": HTTP " + e.getCode() + " " + e.getResponseBody());
        } catch (Exception | AssertionError e) {
            failures.add(name + ": " + e);
        }
    }

    /** The call must fail with {@code status} and a typed problem naming {@code field}. */
    private void problem(String name, Call call, int status, String field) {
        try {
            call.run();
            failures.add(name + ": no error");
        } catch (ApiException e) {
            try {
                Problem p = new ApiClient().getObjectMapper().readValue(e.getResponseBody(), Problem.class);
                expect(name + " status", status, p.getStatus());
                check(name + " names " + field + ": " + e.getResponseBody(), p.getErrors().stream()
                        .map(ProblemErrorsInner::getField).anyMatch(field::equals));
                check(name + " has a request id", p.getRequestId() != null && !p.getRequestId().isEmpty());
            } catch (Exception parse) {
                failures.add(name + ": problem not typed: " + parse + " " + e.getResponseBody());
            }
        } catch (Exception e) {
            failures.add(name + ": " + e);
        }
    }

    private void expect(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private void check(String what, boolean ok) {
        if (!ok) {
            failures.add(what);
        }
    }
}
