package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.qinghai.launcher.Platform;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under load: services are not restarted, nothing answers 500, reads keep working (wage serves
 * its last snapshot of published standards) and writes work again once the database is back.
 */
class DatabaseRestartE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void servicesRecoverFromADatabaseRestartWithoutBeingRestarted() throws Exception {
        assumeTrue(platform.local().isPresent(), "needs process control (not with PLATFORM_URL)");
        Platform local = platform.local().get();
        long wagePid = local.process("wage").pid();
        assertEquals(
                200,
                platform.get("/api/v1/wage/minimum-wage?region=632700&date=2017-06-01")
                        .status(),
                "the wage service answers before the restart");
        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Thread load = new Thread(() -> {
            // A new date each time, so every look-up reaches the service instead of the gateway's LookupCache.
            java.time.LocalDate date = java.time.LocalDate.of(2017, 6, 1);
            while (running.get()) {
                date = date.plusDays(1);
                int status = platform.get("/api/v1/wage/minimum-wage?region=632700&date=" + date)
                        .status();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
        });
        load.start();
        Thread.sleep(500);
        local.restartDatabase(Duration.ofSeconds(3));
        Thread.sleep(3000);
        running.set(false);
        load.join();
        System.out.println("e2e: lookups during a PostgreSQL restart, by HTTP status: " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
        assertTrue(statuses.containsKey(200));

        String admin = platform.token("wage-admin", "630000", "wage:admin");
        String body = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"region\":\"632300\",\"effectiveFrom\":\"2099-0"
                + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 9))
                + "-01\",\"monthly\":\"3000.00\",\"hourly\":\"30.00\","
                + "\"citation\":{\"document\":\"青政〔2099〕1号\",\"clause\":\"一\"}}";
        PlatformUnderTest.Response write = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            write = platform.post("/api/v1/wage/standards", body, admin);
            if (write.status() != 503) {
                break;
            }
            Thread.sleep(500); // the pool reconnects by itself; the same request id makes the retry safe
        }
        assertTrue(write.status() == 201 || write.status() == 409, write.body());
        assertEquals(wagePid, local.process("wage").pid(), "the service was not restarted");
    }
}
