package cn.gov.qinghai.e2e;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.kit.identity.ResidentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of case submissions through the gateway (POST /api/v1/dibao/cases, real JWT, real gRPC, real
 * PostgreSQL). Run with {@code -Dqinghai.bench=true}; prints throughput and latency percentiles, asserts nothing
 * about time.
 */
@EnabledIfSystemProperty(named = "qinghai.bench", matches = "true")
class DibaoSubmissionLoad {

    @Test
    void submissions() throws Exception {
        PlatformUnderTest platform = PlatformUnderTest.get();
        int total = Integer.getInteger("qinghai.bench.submissions", 2000);
        int threads = Integer.getInteger("qinghai.bench.threads", 8);
        String county = "632801";
        String token = platform.token("load-clerk", county, "dibao:clerk");
        AtomicInteger seq = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        // Warm up the JIT and connection pools.
        for (int i = 0; i < 50; i++) {
            submit(platform, token, county, 900_000 + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                int i;
                while ((i = seq.getAndIncrement()) < total) {
                    Response r = submit(platform, token, county, i);
                    if (r.status() != 201) {
                        failures.incrementAndGet();
                    }
                    mine.add(r.millis());
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("load: %d submissions, %d threads, %d failures in %.1f s = %.0f/s; latency ms p50 %d, "
                        + "p95 %d, p99 %d, max %d%n", total, threads, failures.get(), seconds, total / seconds,
                all.get(all.size() / 2), all.get((int) (all.size() * 0.95)), all.get((int) (all.size() * 0.99)),
                all.get(all.size() - 1));
    }

    private static Response submit(PlatformUnderTest platform, String token, String county, int i) {
        String first17 = county + LocalDate.of(1950, 1, 1).plusDays(i % 20_000).toString().replace("-", "")
                + String.format("%03d", (i / 20_000) % 1000);
        String id = first17 + ResidentId.checkCharacter(first17);
        return platform.post("/api/v1/dibao/cases", """
                {"requestId": "%s", "household": {"county": "%s", "township": "郭镇", "members": [
                  {"name": "测试", "idNumber": "%s", "relation": "本人", "workAbility": "PARTLY_LOST",
                   "incomes": [{"type": "WAGE", "annualAmount": "1500"}]}]}}""".formatted(UUID.randomUUID(), county, id),
                token);
    }
}
