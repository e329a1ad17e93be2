package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.qinghai.demodata.DemoData;
import cn.gov.qinghai.launcher.Platform;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform as bin/platform starts it by default: with the demonstration data. Its own platform (the shared
 * {@link PlatformUnderTest} stays empty so the other tests keep their exact assertions), on ports
 * {@code E2E_PORT_OFFSET + 600}. A person opening the portal sees numbers on every public page, labelled as
 * demonstration data; statistics are mostly not suppressed; 2017 recipient lists have content; a second load adds
 * nothing.
 */
class DemoDataE2eTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Platform platform;
    private static String gateway;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        String external = System.getenv("PLATFORM_URL");
        assumeTrue(external == null || external.isBlank(), "starts its own platform: local runs only");
        Path root = Path.of(System.getProperty("qinghai.home", ".."))
                .toAbsolutePath()
                .normalize();
        Path data = root.resolve("e2e-tests/target/platform-demo-data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        int offset = Integer.parseInt(System.getenv().getOrDefault("E2E_PORT_OFFSET", "20000")) + 600;
        System.setProperty("qinghai.rate-limit.enabled", System.getProperty("qinghai.rate-limit.enabled", "false"));
        long t0 = System.nanoTime();
        platform = Platform.start(new Platform.Options(root, data, offset, Duration.ofSeconds(240), true));
        gateway = platform.gatewayUrl();
        System.out.printf(
                "e2e: platform with demonstration data up in %.1f s (%s)%n",
                (System.nanoTime() - t0) / 1e9,
                platform.demoDataLoaded().map(DemoData::summary).orElse("NOT LOADED"));
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theLoadSentRecordsToEveryService() {
        DemoData.Result r = platform.demoDataLoaded().orElseThrow(() -> new AssertionError("demo data not loaded"));
        for (String service : List.of("broadband", "health-data", "retail", "dibao", "enterprise-cost", "hotline")) {
            assertTrue(r.sent().getOrDefault(service, 0) > 0, service + ": " + r.sent());
        }
    }

    @Test
    void everyPublicPageSaysItShowsDemonstrationData() {
        for (String path : List.of(
                "/",
                "/wage?region=630100&date=2017-06-01",
                "/dibao",
                "/dibao/recipients?county=630121&month=2017-09",
                "/health-data",
                "/broadband?month=2017-12",
                "/retail?batch=QH-DEMO-2017-001",
                "/enterprise-cost",
                "/documents")) {
            HttpResponse<String> zh = get(path);
            assertEquals(200, zh.statusCode(), path);
            assertTrue(zh.body().contains("id=\"demo-data\"") && zh.body().contains("示例数据"), path + ": no banner");
            String en = get(path + (path.contains("?") ? "&" : "?") + "lang=en").body();
            assertTrue(en.contains("demonstration data") && en.contains("not real data"), path + " (en): no banner");
        }
    }

    @Test
    void openHealthStatisticsAreMostlyNotSuppressed() {
        for (String dimensions : List.of("region,sex", "county,sex", "region,ageBand", "quarter")) {
            JsonArray cells = json("/api/v1/health-data/statistics?dimensions=" + dimensions)
                    .getAsJsonArray("cells");
            long suppressed =
                    count(cells, c -> c.has("suppressed") && c.get("suppressed").getAsBoolean());
            assertTrue(
                    suppressed * 10 <= cells.size(),
                    dimensions + ": " + suppressed + " of " + cells.size() + " cells suppressed");
            JsonObject total = grandTotal(cells);
            assertTrue(total.get("count").getAsLong() >= 1000, dimensions + ": total " + total);
        }
        String page = get("/health-data").body();
        assertFalse(page.contains("num suppressed"), "first view (prefecture × sex) has no suppressed cell");
    }

    @Test
    void recipientListsOf2017HaveContentInEveryPrefecture() {
        for (String county :
                List.of("630121", "630102", "630222", "632221", "632321", "632521", "632626", "632726", "632801")) {
            JsonObject list = json("/api/v1/dibao/public-recipients?county=" + county + "&month=2017-09");
            assertTrue(
                    list.has("recipients") && list.getAsJsonArray("recipients").size() >= 3, county + ": " + list);
            // June 2017, the month 86号 takes effect and the page's own example: each county's first household
            JsonObject june = json("/api/v1/dibao/public-recipients?county=" + county + "&month=2017-06");
            assertTrue(
                    june.has("recipients") && june.getAsJsonArray("recipients").size() >= 1, county + ": " + june);
        }
        assertTrue(
                get("/dibao/recipients?county=630121&month=2017-12").body().contains("630121********"),
                "the portal's recipient page lists masked heads");
        JsonObject match = json("/api/v1/dibao/cross-match-reports?region=630000", token("poverty-office-province"));
        for (String category : List.of("inBoth", "dibaoOnly", "registryOnly")) {
            assertTrue(match.has(category) && match.get(category).getAsLong() > 0, category + ": " + match);
        }
        JsonObject roster =
                json("/api/v1/dibao/payment-rosters?county=630121&month=2017-10", token("dibao-xining-approver"));
        assertTrue(roster.has("households") && roster.get("households").getAsInt() >= 3, roster.toString());
    }

    @Test
    void broadbandShowsCompletedInvestmentAndReportedIndicators() {
        JsonObject summary = json("/api/v1/broadband/investment-summary?groupBy=category&month=2017-12");
        assertEquals(117, summary.get("projectCount").getAsInt());
        assertTrue(Double.parseDouble(summary.get("totalActualYuan").getAsString()) > 5e9, summary.toString());
        int reporting = 0;
        for (JsonElement g : summary.getAsJsonArray("groups")) {
            reporting += g.getAsJsonObject().get("reportingProjects").getAsInt();
        }
        assertEquals(117, reporting, "every project reported");
        JsonArray indicators =
                json("/api/v1/broadband/indicators?month=2017-12").getAsJsonArray("indicators");
        long reported = count(
                indicators,
                i -> i.has("latestActual")
                        && !i.get("latestActual").getAsString().isEmpty());
        assertTrue(reported * 4 >= indicators.size() * 3, reported + " of " + indicators.size() + " reported");
    }

    @Test
    void aDemoBatchIsTracedFromProductionToSale() {
        JsonArray events = json("/api/v1/retail/trace/QH-DEMO-2017-003").getAsJsonArray("events");
        assertEquals(
                List.of("PRODUCED", "SHIPPED", "RECEIVED", "SOLD"),
                events.asList().stream()
                        .map(e -> e.getAsJsonObject().get("type").getAsString())
                        .toList());
        assertTrue(
                get("/api/v1/retail/outlets?region=630000&pageSize=100").body().contains("示例连锁超市"));
    }

    @Test
    void aSecondLoadAddsNothing() throws InterruptedException {
        long encounters = grandTotal(json("/api/v1/health-data/statistics?dimensions=region,sex")
                        .getAsJsonArray("cells"))
                .get("count")
                .getAsLong();
        int recipients = json("/api/v1/dibao/public-recipients?county=630121&month=2017-12")
                .getAsJsonArray("recipients")
                .size();
        DemoData.Result again = platform.loadDemoData();
        System.out.println("e2e: second load: " + DemoData.summary(again));
        assertEquals(0, again.total(), again.sent().toString());
        assertEquals(
                encounters,
                grandTotal(json("/api/v1/health-data/statistics?dimensions=region,sex")
                                .getAsJsonArray("cells"))
                        .get("count")
                        .getAsLong());
        assertEquals(
                recipients,
                json("/api/v1/dibao/public-recipients?county=630121&month=2017-12")
                        .getAsJsonArray("recipients")
                        .size());
    }

    private static JsonObject grandTotal(JsonArray cells) {
        return cells.asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(c -> c.getAsJsonArray("keys").asList().stream()
                        .allMatch(k -> k.getAsString().equals("*")))
                .findFirst()
                .orElseThrow();
    }

    private static long count(JsonArray items, java.util.function.Predicate<JsonObject> test) {
        return items.asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(test)
                .count();
    }

    private static JsonObject json(String path) {
        return json(path, null);
    }

    private static JsonObject json(String path, String token) {
        HttpResponse<String> r = get(path, token);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static HttpResponse<String> get(String path) {
        return get(path, null);
    }

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A department's token from the platform's provider (client-credentials grant, as the department gets it). */
    private static String token(String clientId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(platform.identityProvider().tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=local"))
                .build();
        try {
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(HTTP.send(request, HttpResponse.BodyHandlers.ofString())
                            .body());
            assertTrue(m.find(), "token for " + clientId);
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
