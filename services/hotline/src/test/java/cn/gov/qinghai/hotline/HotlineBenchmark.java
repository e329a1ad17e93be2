package cn.gov.qinghai.hotline;

import cn.gov.qinghai.hotline.rules.CategoryCatalogue;
import cn.gov.qinghai.hotline.rules.Classifier;
import cn.gov.qinghai.hotline.rules.Rollout;
import cn.gov.qinghai.hotline.v1.ClassifyMatterRequest;
import cn.gov.qinghai.hotline.v1.GetSupervisionReportRequest;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.SupervisionReport;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.testing.RunningService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints numbers, asserts nothing about time: (1) classification latency in-process (the rule alone) and over real
 * gRPC, p50/p99; (2) the quarterly report (季度通报) over 1,000,000 tickets in PostgreSQL, loaded with one set-based
 * INSERT … SELECT generate_series. Not part of the default run:
 * {@code ./mvnw -B -pl services/hotline -am test -Dtest=HotlineBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Tickets: {@code -Dhotline.bench.tickets=1000000} (default).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class HotlineBenchmark {

    static final List<String> MATTERS = List.of(
            "老板拖欠工资三个月",
            "和邻居因为停车位起争执",
            "我们小区今天停水了",
            "买到假货要求退款",
            "有人持刀抢劫",
            "我有一件事想反映一下",
            "邻居在小区里违章建筑",
            "社保局的营业时间是几点",
            "村子后山发生泥石流",
            "我想申请法律援助");

    @Test
    void classification() {
        ParameterRegistry p = ParameterRegistry.fromClasspath("parameters");
        Classifier c = new Classifier(new CategoryCatalogue(p), new Rollout(p));
        LocalDate day = LocalDate.of(2017, 7, 1);
        for (int i = 0; i < 20_000; i++) {
            c.classify(MATTERS.get(i % MATTERS.size()), null, "630100", day);
        }
        List<Long> ns = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            long s = System.nanoTime();
            c.classify(MATTERS.get(i % MATTERS.size()), null, i % 2 == 0 ? "630100" : "632200", day);
            ns.add(System.nanoTime() - s);
        }
        print("classification in-process (rule + explanation), 50,000 calls", ns);

        try (RunningService service = RunningService.start("hotline_bench_classify", Map.of())) {
            var stub = HotlineServiceGrpc.newBlockingStub(service.channel());
            List<Long> rpc = new ArrayList<>();
            for (int i = 0; i < 6_000; i++) {
                long s = System.nanoTime();
                stub.classifyMatter(ClassifyMatterRequest.newBuilder()
                        .setDescription(MATTERS.get(i % MATTERS.size()))
                        .setRegion("630100")
                        .setDate("2017-07-01")
                        .build());
                if (i >= 1_000) {
                    rpc.add(System.nanoTime() - s);
                }
            }
            print("ClassifyMatter over gRPC, 5,000 calls after 1,000 warm-up", rpc);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void quarterlyReportOverAMillionTickets() throws Exception {
        int n = Integer.getInteger("hotline.bench.tickets", 1_000_000);
        try (RunningService service = RunningService.start("hotline_bench_report", Map.of())) {
            Map<String, Object> db = service.database().micronautProperties();
            long load = System.nanoTime();
            try (Connection c = DriverManager.getConnection(
                            (String) db.get("datasources.default.url"),
                            (String) db.get("datasources.default.username"),
                            (String) db.get("datasources.default.password"));
                    Statement st = c.createStatement()) {
                // n tickets spread over 2017-Q3 in the eight prefectures and 15 diverted categories; a third resolved
                // late, one in five with unsatisfied feedback and reopened once, most closed.
                st.execute("INSERT INTO ticket (number, request_id, payload_hash, state, region, prefecture, "
                        + "category_code, channel, hotline, hand_off, agency_id, description, source, received_at, "
                        + "accept_limit_hours, resolve_limit_hours, accept_due_at, resolve_due_at, accepted_at, "
                        + "resolved_at, resolved_on_time, closed_at, result, feedback, reopen_count, version, "
                        + "classification) "
                        + "SELECT 'B' || lpad(g::text, 8, '0') || '-BENCH', 'bench-' || g, repeat('0', 64), "
                        + "CASE WHEN g % 10 = 0 THEN 'IN_PROGRESS' ELSE 'CLOSED' END, p, p, c, 'HOTLINE_TICKET', "
                        + "'12345', 'DIRECT_TRANSFER', p || '-justice', 'bench', 'PORTAL', r, 24, 120, "
                        + "r + interval '24 hours', r + interval '120 hours', r + interval '2 hours', "
                        + "CASE WHEN g % 10 = 0 THEN NULL ELSE r + (g % 180) * interval '1 hour' END, "
                        + "CASE WHEN g % 10 = 0 THEN NULL ELSE (g % 180) <= 120 END, "
                        + "CASE WHEN g % 10 = 0 THEN NULL ELSE r + interval '200 hours' END, '', "
                        + "CASE WHEN g % 10 = 0 THEN 'FEEDBACK_UNSPECIFIED' WHEN g % 5 = 0 THEN 'NOT_SATISFIED' "
                        + "ELSE 'SATISFIED' END, CASE WHEN g % 5 = 0 THEN 1 ELSE 0 END, 3, '\\x'::bytea "
                        + "FROM (SELECT g, (ARRAY['630100','630200','632200','632300','632500','632600','632700',"
                        + "'632800'])[1 + g % 8] AS p, (ARRAY['ADMIN_VIOLATION_REPORT','COMPLAINT_DEPARTMENT',"
                        + "'COMPLAINT_PUBLIC_SERVICE_UNIT','DISPUTE_ECONOMIC','DISPUTE_FAMILY','DISPUTE_NEIGHBOUR',"
                        + "'DISPUTE_CONSUMER','DISPUTE_LABOUR','DISPUTE_HOMESTEAD','HELP_UTILITIES','HELP_LOCKSMITH',"
                        + "'HELP_ASSISTANCE','HELP_LEGAL_AID','ENQUIRY_LAW_POLICY','ENQUIRY_SERVICE'])[1 + g % 15] AS c, "
                        + "timestamptz '2017-06-30 16:00:00+00' + (g % 7948800) * interval '1 second' AS r "
                        + "FROM generate_series(1, " + n + ") g) s");
                st.execute("ANALYZE ticket");
            }
            System.out.printf("BENCH loaded %,d tickets in %.1f s%n", n, (System.nanoTime() - load) / 1e9);
            var sup = HotlineServiceGrpc.newBlockingStub(service.channel())
                    .withCallCredentials(RunningService.as("bench", "630000", "hotline:supervisor"))
                    .withMaxInboundMessageSize(64 * 1024 * 1024);
            List<Long> ms = new ArrayList<>();
            SupervisionReport last = null;
            for (int i = 0; i < 5; i++) {
                long s = System.nanoTime();
                last = sup.getSupervisionReport(GetSupervisionReportRequest.newBuilder()
                        .setPeriod("2017-Q3")
                        .build());
                ms.add(System.nanoTime() - s);
            }
            long csv = System.nanoTime();
            sup.getSupervisionReportCsv(GetSupervisionReportRequest.newBuilder()
                    .setPeriod("2017-Q3")
                    .build());
            System.out.printf(
                    "BENCH quarterly report 2017-Q3 over %,d tickets: runs %s ms; total received %,d, "
                            + "on-time rate %s, satisfaction %s, reopen rate %s; CSV %.0f ms%n",
                    n,
                    ms.stream().map(x -> String.valueOf(x / 1_000_000)).toList(),
                    last.getTotal().getReceived(),
                    last.getTotal().getOnTimeRate(),
                    last.getTotal().getSatisfactionRate(),
                    last.getTotal().getReopenRate(),
                    (System.nanoTime() - csv) / 1e6);
        }
    }

    static void print(String what, List<Long> ns) {
        List<Long> sorted = new ArrayList<>(ns);
        Collections.sort(sorted);
        System.out.printf(
                "BENCH %s: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                what,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.95)) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }
}
