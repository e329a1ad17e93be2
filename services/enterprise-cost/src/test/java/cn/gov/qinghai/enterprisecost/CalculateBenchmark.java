package cn.gov.qinghai.enterprisecost;

import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures Calculate over real gRPC (not run by default): {@code ./mvnw -pl services/enterprise-cost -am verify
 * -Dtest=CalculateBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}. Prints throughput and
 * latency percentiles; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CalculateBenchmark {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = EnterpriseCostTestSupport.SERVICE;

    private static final int THREADS = 4;
    private static final int WARMUP = 2_000;
    private static final int CALLS_PER_THREAD = 5_000;

    @Test
    void calculateThroughputAndLatency() throws Exception {
        var stub = EnterpriseCostServiceGrpc.newBlockingStub(SERVICE.service().channel());
        CalculateRequest[] requests = {
            CalculateRequest.newBuilder()
                    .setCalculatorId("rd-subsidy")
                    .putInputs("superDeductionTaxExemption", "30000000")
                    .build(),
            CalculateRequest.newBuilder()
                    .setCalculatorId("housing-fund")
                    .putInputs("employerRate", "0.13")
                    .putInputs("employeeCurrentRate", "0.12")
                    .putInputs("employeeProposedRate", "0.09")
                    .build(),
            CalculateRequest.newBuilder()
                    .setCalculatorId("social-insurance")
                    .putInputs("payroll", "100000")
                    .build()
        };
        for (int i = 0; i < WARMUP; i++) {
            stub.calculate(requests[i % requests.length]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<long[]>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[CALLS_PER_THREAD];
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    long s = System.nanoTime();
                    stub.calculate(requests[i % requests.length]);
                    lat[i] = System.nanoTime() - s;
                }
                return lat;
            }));
        }
        long[] all = new long[THREADS * CALLS_PER_THREAD];
        for (int t = 0; t < THREADS; t++) {
            System.arraycopy(futures.get(t).get(), 0, all, t * CALLS_PER_THREAD, CALLS_PER_THREAD);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf(
                "Calculate over gRPC: %d calls, %d threads, %.0f calls/s, p50 %.2f ms, p95 %.2f ms, "
                        + "p99 %.2f ms, load average %s%n",
                all.length,
                THREADS,
                all.length / seconds,
                pct(all, 0.50),
                pct(all, 0.95),
                pct(all, 0.99),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
