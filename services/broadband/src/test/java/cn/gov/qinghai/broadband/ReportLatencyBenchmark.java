package cn.gov.qinghai.broadband;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.broadband.v1.GetInvestmentSummaryRequest;
import cn.gov.qinghai.broadband.v1.GetMonthlyReportRequest;
import cn.gov.qinghai.broadband.v1.ListProjectsRequest;
import cn.gov.qinghai.broadband.v1.Project;
import cn.gov.qinghai.broadband.v1.ProjectStatus;
import cn.gov.qinghai.broadband.v1.SubmitProgressReportRequest;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Latency of the investment summary and the monthly report (JSON and CSV) over real gRPC and PostgreSQL, with
 * 117 projects × 12 months of reports, then with 100× projects (11,700, synthetic rows added). Prints p50/p95/p99;
 * asserts nothing about time. Not part of the default run:
 * {@code ./mvnw -pl services/broadband -am install -Dtest=ReportLatencyBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReportLatencyBenchmark {

    @Test
    void measure() throws Exception {
        try (RunningService service = RunningService.start("broadband_bench", Map.of())) {
            var admin = BroadbandServiceGrpc.newBlockingStub(service.channel())
                    .withCallCredentials(RunningService.as("bench", "630000", "broadband:admin"))
                    .withMaxInboundMessageSize(256 * 1024 * 1024);
            List<Project> projects = admin.listProjects(
                            ListProjectsRequest.newBuilder().setPageSize(200).build())
                    .getProjectsList();
            long t0 = System.nanoTime();
            List<Long> submit = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                for (Project p : projects) {
                    BigDecimal planned = new BigDecimal(p.getPlannedInvestmentYuan());
                    String cumulative = planned.multiply(BigDecimal.valueOf(month))
                            .divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.DOWN)
                            .toPlainString();
                    long s = System.nanoTime();
                    admin.submitProgressReport(SubmitProgressReportRequest.newBuilder()
                            .setRequestId("bench-" + p.getId() + "-" + month)
                            .setProjectId(p.getId())
                            .setMonth(String.format("2017-%02d", month))
                            .setCumulativeInvestmentYuan(cumulative)
                            .setStatus(ProjectStatus.IN_PROGRESS)
                            .setPhysicalProgressPercent(String.valueOf(month * 8))
                            .build());
                    submit.add(System.nanoTime() - s);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "BENCH submit: %d reports in %.1f s = %.0f/s sequential; %s%n",
                    submit.size(), seconds, submit.size() / seconds, stats(submit));
            run("117 projects x 12 months", admin, 200);

            addSyntheticProjects(service.database(), 11_700 - projects.size());
            run("11,700 projects (100x) x 12 months", admin, 40);
        }
    }

    private static void run(String label, BroadbandServiceGrpc.BroadbandServiceBlockingStub stub, int iterations) {
        for (String groupBy : List.of("owner", "category", "programme")) {
            time(
                    label,
                    "GetInvestmentSummary groupBy=" + groupBy,
                    iterations,
                    () -> stub.getInvestmentSummary(GetInvestmentSummaryRequest.newBuilder()
                            .setGroupBy(groupBy)
                            .setMonth("2017-06")
                            .build()));
        }
        time(
                label,
                "GetMonthlyReport 2017-06 (JSON/proto)",
                iterations,
                () -> stub.getMonthlyReport(
                        GetMonthlyReportRequest.newBuilder().setMonth("2017-06").build()));
        time(
                label,
                "GetMonthlyReportCsv 2017-06",
                iterations,
                () -> stub.getMonthlyReportCsv(
                        GetMonthlyReportRequest.newBuilder().setMonth("2017-06").build()));
        var size = stub.getMonthlyReport(
                        GetMonthlyReportRequest.newBuilder().setMonth("2017-06").build())
                .getSerializedSize();
        System.out.printf("BENCH [%s] monthly report message size %d bytes%n", label, size);
    }

    private static void time(String label, String what, int iterations, Supplier<Object> call) {
        for (int i = 0; i < Math.max(5, iterations / 10); i++) {
            call.get();
        }
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long s = System.nanoTime();
            call.get();
            samples.add(System.nanoTime() - s);
        }
        System.out.printf("BENCH [%s] %s: n=%d %s%n", label, what, iterations, stats(samples));
    }

    private static String stats(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(
                "p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** Synthetic projects (ids from 1001) copying the seed's categories and owners, with 12 monthly reports each. */
    private static void addSyntheticProjects(TestDatabases.Database db, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            c.setAutoCommit(false);
            List<String[]> seed = new ArrayList<>();
            try (var rs =
                    c.createStatement().executeQuery("SELECT programme, category, owner FROM project ORDER BY id")) {
                while (rs.next()) {
                    seed.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO project (id, programme, category, seq, name, "
                                    + "owner, planned_investment_yi, planned_investment_yuan, synthetic) VALUES (?,?,?,?,?,?,?,?,TRUE)");
                    PreparedStatement r =
                            c.prepareStatement("INSERT INTO progress_report (request_id, project_id, month, "
                                    + "revision, cumulative_investment_yuan, status, physical_progress_percent, correction, "
                                    + "beyond_plan, late, reported_by, reported_at) VALUES (?,?,?,1,?,'IN_PROGRESS',?,FALSE,FALSE,"
                                    + "FALSE,'bench',?)")) {
                for (int i = 0; i < count; i++) {
                    String[] s = seed.get(i % seed.size());
                    long id = 1001 + i;
                    p.setLong(1, id);
                    p.setString(2, s[0]);
                    p.setString(3, s[1]);
                    p.setInt(4, 1000 + i);
                    p.setString(5, "合成项目 " + id);
                    p.setString(6, s[2]);
                    p.setString(7, "0.1");
                    p.setBigDecimal(8, new BigDecimal("10000000"));
                    p.addBatch();
                    for (int m = 1; m <= 12; m++) {
                        r.setString(1, "synthetic-" + id + "-" + m);
                        r.setLong(2, id);
                        r.setDate(3, java.sql.Date.valueOf(LocalDate.of(2017, m, 1)));
                        r.setBigDecimal(4, new BigDecimal(m * 800000));
                        r.setBigDecimal(5, new BigDecimal(m * 8));
                        r.setTimestamp(6, Timestamp.from(Instant.parse("2017-12-31T00:00:00Z")));
                        r.addBatch();
                    }
                    if (i % 500 == 499) {
                        p.executeBatch();
                        r.executeBatch();
                    }
                }
                p.executeBatch();
                r.executeBatch();
            }
            c.commit();
            c.createStatement().execute("ANALYZE");
        }
        System.out.printf("BENCH added %d synthetic projects and %d reports%n", count, count * 12);
    }
}
