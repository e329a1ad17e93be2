package cn.gov.qinghai.dibao;

import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.dibao.data.CaseloadSimulationQuery;
import cn.gov.qinghai.dibao.service.CaseloadSimulationService;
import cn.gov.qinghai.dibao.v1.CaseloadSimulation;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.SimulateCaseloadRequest;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.reform.ReformedParameters;
import cn.gov.qinghai.kit.testing.RunningService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures SimulateCaseload over 1,000,000 paid cases (≈3,000,000 members) in 40 counties, seeded with set-based SQL
 * (generate_series): mixed household sizes and incomes around the standard, rigid expenditure, disabilities, ages,
 * county standards in half the counties and one county paying by tiers. Runs the real RPC for the province five
 * times and prints the times, then EXPLAIN (ANALYZE, BUFFERS) of the statement (PostgreSQL's own work).
 * Run with {@code -Dbenchmark=true} ({@code -Dbenchmark.cases=N} for another size); asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CaseloadSimulationBenchmark {

    static final int N = Integer.getInteger("benchmark.cases", 1_000_000);

    @Test
    void oneMillionCases() throws Exception {
        try (RunningService service = RunningService.start("dibao_sim_bench", Map.of())) {
            var db = service.database();
            try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                    Statement st = c.createStatement()) {
                long t0 = System.nanoTime();
                st.execute("INSERT INTO dibao_case (request_id, payload_hash, county, township, head_id_number, "
                        + "head_name, household_size, household, status, version, submitted_at, approved_at, "
                        + "classification, first_paid_month, counted_income, rigid_expenditure, single_parent) "
                        + "SELECT 'bench-' || g, repeat('0', 64), '6301' || lpad((g % 40 + 1)::text, 2, '0'), 'bench', "
                        + "lpad(g::text, 18, '0'), 'bench', 1 + g % 5, '{}'::jsonb, 'APPROVED', 4, now(), now(), "
                        + "chr(65 + g % 3), date_trunc('month', now())::date, "
                        + "((g::bigint * 7919) % 6000) * (1 + g % 5), CASE WHEN g % 10 = 0 THEN 3000 ELSE 0 END, "
                        + "g % 20 = 0 FROM generate_series(1, " + N + ") g");
                st.execute("INSERT INTO case_member (case_id, idx, id_number, birth_date, disability_grade, bedridden, "
                        + "fixed_income) SELECT c.id, k, lpad((c.id * 10 + k)::text, 18, '0'), "
                        + "date '1940-01-01' + ((c.id * 37 + k * 3651) % 30000)::int, "
                        + "CASE WHEN (c.id + k) % 17 = 0 THEN 1 + ((c.id + k) % 4)::int END, (c.id + k) % 53 = 0, "
                        + "(c.id + k) % 3 = 0 FROM dibao_case c, generate_series(0, c.household_size - 1) k");
                st.execute("INSERT INTO county_standard (request_id, county, effective_from, annual_amount, "
                        + "citation_document, citation_clause, published_by, published_at) "
                        + "SELECT 'bench-std-' || k, '6301' || lpad(k::text, 2, '0'), date '2019-01-01', 4000 + 10 * k, "
                        + "'bench', '一', 'bench', now() FROM generate_series(1, 40, 2) k");
                st.execute(
                        "INSERT INTO county_payment_method (request_id, payload_hash, county, effective_from, method, "
                                + "tiers, citation_document, citation_clause, published_by, published_at) VALUES ('bench-pm', "
                                + "repeat('0', 64), '630102', date '2019-01-01', 'TIERED', '{\"tiers\":[{\"annualGapUpTo\":"
                                + "\"1200\",\"monthlyPerPerson\":\"80\"},{\"monthlyPerPerson\":\"150\"}]}', 'bench', '一', "
                                + "'bench', now())");
                st.execute("VACUUM ANALYZE");
                System.out.printf(
                        "bench: seeded %,d cases with their members in %.1f s%n", N, (System.nanoTime() - t0) / 1e9);
            }

            String month = YearMonth.now().toString();
            Reform reform = Reform.newBuilder()
                    .setName("bench")
                    .addOverrides(ParameterOverride.newBuilder()
                            .setId("dibao.provincial_floor")
                            .setValue("4400"))
                    .addOverrides(ParameterOverride.newBuilder()
                            .setId("dibao.classified_allowance")
                            .setValue("{\"monthlyAmount\":\"25\"}"))
                    .build();
            var stub = DibaoServiceGrpc.newBlockingStub(service.channel())
                    .withCallCredentials(RunningService.as("bench", "630000", "dibao:poverty-office"));
            List<Double> times = new ArrayList<>();
            CaseloadSimulation s = null;
            for (int run = 0; run < 5; run++) {
                long t = System.nanoTime();
                s = stub.withDeadlineAfter(10, TimeUnit.MINUTES)
                        .simulateCaseload(SimulateCaseloadRequest.newBuilder()
                                .setRegion("630000")
                                .setMonth(month)
                                .setReform(reform)
                                .build());
                times.add((System.nanoTime() - t) / 1e9);
            }
            System.out.printf("bench: simulation runs %s s%n", times);
            Collections.sort(times);
            var t = s.getTotals();
            System.out.printf(
                    "bench: SimulateCaseload %,d cases (%,d persons), %d groups: eligible %,d → %,d, "
                            + "newly %,d, no longer %,d, monthly %s → %s; 5 runs min %.2f s, median %.2f s, max %.2f s%n",
                    t.getHouseholds(),
                    t.getPersons(),
                    s.getGroupsCount(),
                    t.getBaselineEligibleHouseholds(),
                    t.getReformEligibleHouseholds(),
                    t.getNewlyEligibleHouseholds(),
                    t.getNoLongerEligibleHouseholds(),
                    t.getBaselineMonthly(),
                    t.getReformMonthly(),
                    times.get(0),
                    times.get(2),
                    times.get(4));

            ParameterRegistry parameters = ParameterRegistry.fromClasspath("parameters");
            LocalDate first = YearMonth.now().atDay(1);
            var reformed = ReformedParameters.of(new FieldErrors(), "reform", reform, parameters);
            var baseline = CaseloadSimulationService.side(parameters, first);
            var underReform = CaseloadSimulationService.side(reformed.registry(), first);
            List<Object> binds = CaseloadSimulationQuery.binds("63%", first, baseline, underReform);
            try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                    PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) "
                            + CaseloadSimulationQuery.sql("63%", baseline, underReform))) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL work_mem = '256MB'");
                }
                for (int i = 0; i < binds.size(); i++) {
                    ps.setObject(i + 1, binds.get(i));
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                System.out.println("bench: EXPLAIN (ANALYZE, BUFFERS)\n" + plan);
            }
        }
    }
}
