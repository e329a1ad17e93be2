package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.launcher.ChildProcess;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the dibao service in the middle of a write load, then a restart. Clients keep their idempotency
 * key (requestId) for each application and send it again until it is accepted, as a real client would. Afterwards
 * every key is in the database exactly once: nothing lost, nothing duplicated. While dibao is down the gateway
 * answers 503 for dibao at once and keeps serving the other domains.
 */
class KillDuringWritesE2eTest {

    private static final int SUBMISSIONS = 240;
    private static final int THREADS = 8;
    private static final String COUNTY = "632822"; // 都兰县: no other test writes cases there

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void killingDibaoMidLoadLosesAndDuplicatesNoApplicationWhenClientsRetryWithTheirKeys() throws Exception {
        assumeTrue(platform.local().isPresent(), "needs process control (not with PLATFORM_URL)");
        ChildProcess dibao = platform.local().get().process("dibao");
        String clerk = platform.token("kill-clerk", COUNTY, "dibao:clerk");
        int before = caseRequestIds(clerk).size();
        String run = UUID.randomUUID().toString().substring(0, 8);

        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch thirdDone = new CountDownLatch(SUBMISSIONS / 3);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, String> caseByKey = new ConcurrentHashMap<>();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            clients.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < SUBMISSIONS) {
                    String key = "kill-" + run + "-" + i;
                    String body = application(key, i);
                    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (true) {
                        int status;
                        Response r = null;
                        try {
                            r = platform.post("/api/v1/dibao/cases", body, clerk);
                            status = r.status();
                        } catch (IllegalStateException connectionLost) {
                            status = -1; // the gateway connection itself failed: retry the same key as well
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicInteger())
                                .incrementAndGet();
                        if (status == 201) {
                            caseByKey.put(key, r.json().get("id").getAsString());
                            accepted.incrementAndGet();
                            thirdDone.countDown();
                            break;
                        }
                        if (System.nanoTime() > giveUp) {
                            throw new AssertionError("key " + key + " never accepted, last status " + status
                                    + (r == null ? "" : " " + r.body()));
                        }
                        retries.incrementAndGet();
                        Thread.sleep(100);
                    }
                }
                return null;
            }));
        }

        assertTrue(thirdDone.await(120, TimeUnit.SECONDS), "a third of the load was accepted before the kill");
        long killedAt = System.nanoTime();
        dibao.kill(); // SIGKILL: no shutdown hook, no graceful drain; transactions in flight are cut
        int acceptedAtKill = accepted.get();

        Response estimate = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year": 2018, "members": [{"age": 40, "incomes": [{"type": "WAGE", "annualAmount": "1000"}]}]}""", null);
        Response wage = platform.get("/api/v1/wage/minimum-wage?region=630100&date=2017-05-01");
        System.out.printf(
                "e2e: with dibao killed: dibao estimate %d in %d ms; wage lookup %d in %d ms%n",
                estimate.status(), estimate.millis(), wage.status(), wage.millis());
        assertEquals(503, estimate.status(), estimate.body());
        assertTrue(estimate.isProblem(), estimate.body());
        assertTrue(
                estimate.millis() < 3000, "answered before the gateway's 3 s deadline: " + estimate.millis() + " ms");
        assertEquals(200, wage.status(), "the other domains keep working: " + wage.body());

        Thread.sleep(1000);
        dibao.restart(Duration.ofSeconds(90));
        System.out.printf("e2e: dibao down and back in %.1f s%n", (System.nanoTime() - killedAt) / 1e9);
        for (Future<?> c : clients) {
            c.get(180, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Map<String, Integer> stored = caseRequestIds(clerk);
        Map<String, Integer> ours = new TreeMap<>();
        stored.forEach((key, count) -> {
            if (key.startsWith("kill-" + run + "-")) {
                ours.put(key, count);
            }
        });
        System.out.printf(
                "e2e: kill -9 under write load: %d submissions by %d clients, %d accepted before the kill, "
                        + "%d retries; statuses seen %s; stored %d (cases in county before %d, after %d)%n",
                SUBMISSIONS,
                THREADS,
                acceptedAtKill,
                retries.get(),
                new TreeMap<>(statuses),
                ours.size(),
                before,
                stored.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(SUBMISSIONS, caseByKey.size(), "every key was accepted");
        assertEquals(SUBMISSIONS, Set.copyOf(caseByKey.values()).size(), "each key got its own case");
        assertEquals(SUBMISSIONS, ours.size(), "no key lost");
        assertTrue(ours.values().stream().allMatch(n -> n == 1), "no key stored twice: " + ours);
        assertTrue(
                statuses.keySet().stream().allMatch(s -> s == 201 || s == 503 || s == 504 || s == -1),
                "only success or a retryable outage, never a 500 or a 409: " + statuses);
    }

    /** requestId → number of cases stored with it, over every case of the county (paged). */
    private Map<String, Integer> caseRequestIds(String token) {
        Map<String, Integer> counts = new HashMap<>();
        String pageToken = "";
        do {
            Response r = platform.get(
                    "/api/v1/dibao/cases?county=" + COUNTY + "&pageSize=1000&pageToken="
                            + URLEncoder.encode(pageToken, StandardCharsets.UTF_8),
                    token);
            assertEquals(200, r.status(), r.body());
            JsonObject j = r.json();
            for (JsonElement c : j.getAsJsonArray("cases")) {
                counts.merge(c.getAsJsonObject().get("requestId").getAsString(), 1, Integer::sum);
            }
            pageToken = j.has("nextPageToken") ? j.get("nextPageToken").getAsString() : "";
        } while (!pageToken.isEmpty());
        return counts;
    }

    private static String application(String key, int i) {
        String first17 = COUNTY
                + LocalDate.of(1950, 1, 1)
                        .plusDays(i * 7L + Math.floorMod(key.hashCode(), 7))
                        .toString()
                        .replace("-", "")
                + String.format("%03d", Math.floorMod(key.hashCode(), 1000));
        String id = first17 + ResidentId.checkCharacter(first17);
        return """
                {"requestId": "%s", "household": {"county": "%s", "township": "察汗乌苏镇", "members": [
                  {"name": "测试", "idNumber": "%s", "relation": "本人", "workAbility": "PARTLY_LOST",
                   "incomes": [{"type": "WAGE", "annualAmount": "1500"}]}]}}""".formatted(key, COUNTY, id);
    }
}
