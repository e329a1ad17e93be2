package cn.gov.qinghai.healthdata;

import static cn.gov.qinghai.healthdata.HealthTestSupport.stub;

import cn.gov.qinghai.health.v1.GetOpenStatisticsRequest;
import cn.gov.qinghai.health.v1.GetResidentRecordRequest;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.health.v1.VerifyAuditChainRequest;
import cn.gov.qinghai.kit.testing.RunningService;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures audited reads per second and open-statistics latency over a million encounters. Not part of the
 * default run: {@code ./mvnw -pl services/health-data -am install -Dtest=HealthDataBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints numbers; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class HealthDataBenchmark {

    private static final int RESIDENTS = Integer.getInteger("bench.residents", 20_000);
    private static final int ENCOUNTERS = Integer.getInteger("bench.encounters", 1_000_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    @Test
    void auditedReadsAndStatisticsLatency() throws Exception {
        try (RunningService service = HealthTestSupport.start()) {
            long t0 = System.nanoTime();
            try (Connection c = HealthTestSupport.jdbc(service)) {
                EncounterSeeder.seed(c, RESIDENTS, ENCOUNTERS, 0.5);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO consent (id, request_id, resident_id, organisation, purpose,"
                            + " valid_from, granted_by, granted_at) SELECT gen_random_uuid(), 'seed-c-' || request_id,"
                            + " id, 'bench-hospital', 'treatment', date '2020-01-01', 'seed', now() FROM resident");
                    st.execute("ANALYZE");
                }
            }
            System.out.printf(
                    "seeded %d residents, %d encounters in %.1f s%n",
                    RESIDENTS, ENCOUNTERS, (System.nanoTime() - t0) / 1e9);

            reads(service, 5, true);
            reads(service, SECONDS, false);
            statistics(service);
            long v0 = System.nanoTime();
            var verified = stub(service, HealthTestSupport.auditor())
                    .verifyAuditChain(VerifyAuditChainRequest.getDefaultInstance());
            System.out.printf(
                    "verify audit chain: %d rows in %.2f s, intact=%s%n",
                    verified.getRowsChecked(), (System.nanoTime() - v0) / 1e9, verified.getIntact());
        }
    }

    private static void reads(RunningService service, int seconds, boolean warmup) throws Exception {
        HealthDataServiceGrpc.HealthDataServiceBlockingStub doctor =
                stub(service, HealthTestSupport.clinician("bench-hospital", "630000"));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                int i = thread;
                while (!stop.get()) {
                    String id = EncounterSeeder.identity(i % RESIDENTS);
                    long s = System.nanoTime();
                    doctor.getResidentRecord(GetResidentRecordRequest.newBuilder()
                            .setIdentityNumber(id)
                            .setPurpose("treatment")
                            .build());
                    latencies.add(System.nanoTime() - s);
                    i += THREADS * 7919;
                }
                return latencies;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        if (!warmup) {
            System.out.printf(
                    "audited reads (GetResidentRecord, ~%d encounters each, %d client threads): %d in %d s"
                            + " = %.0f/s; %s%n",
                    ENCOUNTERS / RESIDENTS,
                    THREADS,
                    all.size(),
                    seconds,
                    all.size() / (double) seconds,
                    percentiles(all));
        }
    }

    private static void statistics(RunningService service) {
        HealthDataServiceGrpc.HealthDataServiceBlockingStub anonymous = stub(service, null);
        List<List<String>> queries = List.of(
                List.of("region"),
                List.of("disease"),
                List.of("county", "sex"),
                List.of("disease", "ageBand"),
                List.of("region", "quarter"));
        for (List<String> dims : queries) {
            GetOpenStatisticsRequest request =
                    GetOpenStatisticsRequest.newBuilder().addAllDimensions(dims).build();
            anonymous.getOpenStatistics(request);
            List<Long> latencies = new ArrayList<>();
            int cells = 0;
            for (int i = 0; i < 10; i++) {
                long s = System.nanoTime();
                cells = anonymous.getOpenStatistics(request).getCellsCount();
                latencies.add(System.nanoTime() - s);
            }
            System.out.printf(
                    "statistics %s over %d encounters (%d cells): %s%n",
                    dims, ENCOUNTERS, cells, percentiles(latencies));
        }
        GetOpenStatisticsRequest filtered = GetOpenStatisticsRequest.newBuilder()
                .addDimensions("county")
                .addDimensions("disease")
                .setRegion("632200")
                .setFrom("2024-07-01")
                .setTo("2024-12-31")
                .build();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            anonymous.getOpenStatistics(filtered);
            latencies.add(System.nanoTime() - s);
        }
        System.out.printf(
                "statistics [county, disease] filtered to 632200 and one half-year: %s%n", percentiles(latencies));
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
