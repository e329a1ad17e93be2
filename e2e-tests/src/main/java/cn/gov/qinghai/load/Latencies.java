package cn.gov.qinghai.load;

import java.util.Arrays;

/** Latency samples of one scenario, and the summary a load run prints: throughput and percentiles. */
final class Latencies {

    private final long[] nanos;
    private int count;
    private long errors;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void add(long elapsedNanos, boolean ok) {
        if (count < nanos.length) {
            nanos[count++] = elapsedNanos;
        }
        if (!ok) {
            errors++;
        }
    }

    /** One line: requests, errors, req/s, p50/p95/p99/max in ms. */
    synchronized String summary(String name, long wallNanos) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double seconds = wallNanos / 1e9;
        return String.format(
                "%-34s n=%-8d errors=%-5d %9.0f req/s   p50 %7.3f ms   p95 %7.3f ms   p99 %7.3f ms   max %8.3f ms",
                name,
                count,
                errors,
                count / seconds,
                ms(pct(sorted, 50)),
                ms(pct(sorted, 95)),
                ms(pct(sorted, 99)),
                ms(count == 0 ? 0 : sorted[count - 1]));
    }

    synchronized double p50Millis() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return ms(pct(sorted, 50));
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
