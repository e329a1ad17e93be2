package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of at least 10,000 malformed requests over every public route: wrong types, missing fields,
 * huge values, impossible dates, injection strings, control characters, bad UTF-8, broken JSON. No answer may be a
 * 5xx or show a stack trace or SQL, and every 4xx is problem+json; every 400 names at least one field.
 * Routes are listed in {@link #ROUTES}: each domain adds its public routes there.
 */
class BadInputCorpusTest {

    /** A public route with a valid request to mutate: query parameters for GET, a JSON body for POST. */
    record Route(String method, String path, Map<String, String> query, String body) {
        static Route get(String path, Map<String, String> query) {
            return new Route("GET", path, query, null);
        }

        static Route post(String path, String body) {
            return new Route("POST", path, Map.of(), body);
        }
    }

    static final List<Route> ROUTES = List.of(
            Route.get("/api/v1/wage/minimum-wage", ordered("region", "630100", "date", "2017-05-01")),
            Route.get("/api/v1/wage/standards", ordered("region", "632700", "pageSize", "10", "pageToken", "")),
            Route.post("/api/v1/wage/compliance-checks", """
                    {"records":[{"reference":"e1","region":"630200","period":"2017-06","employment":"PART_TIME",
                    "hoursWorked":"40","grossPay":"620.00","overtimePay":"20.00","specialConditionAllowances":"0",
                    "statutoryWelfare":"0"}]}"""),
            Route.post("/api/v1/dibao/benefit-estimates", """
                    {"year": 2017, "singleParent": false, "members": [{"age": 40, "disabilityGrade": null,
                    "bedridden": false, "hasFixedIncome": true, "incomes": [{"type": "WAGE", "annualAmount": "4000"}]},
                    {"age": 70, "disabilityGrade": 2, "bedridden": true, "hasFixedIncome": false, "incomes": []}]}"""),
            Route.post("/api/v1/dibao/medical-assistance-calculations", """
                    {"year": 2018, "group": "DIBAO", "age": 8, "eligibleExpenses": "100000", "baseRatio": "0.70",
                    "insurancePersonalContribution": "180"}"""),
            Route.get("/api/v1/dibao/public-recipients", ordered("county", "630121", "pageSize", "20")),
            Route.get("/api/v1/dibao/payment-methods", ordered("county", "630121", "date", "2018-01-01")),
            Route.post(
                    "/api/v1/enterprise-cost/calculators/rd-subsidy/calculate",
                    "{\"superDeductionTaxExemption\": \"1500000\"}"),
            Route.post("/api/v1/enterprise-cost/calculators/housing-fund/calculate", """
                    {"employerRate": "0.13", "employeeCurrentRate": "0.12", "employeeProposedRate": "0.09"}"""),
            Route.post("/api/v1/enterprise-cost/labour-cost-checks", """
                    {"region": "630100", "date": "2017-08-01", "lowestMonthlyWage": "1450", "headcount": 10,
                    "monthlyPayroll": "30000"}"""),
            Route.get("/api/v1/broadband/projects", ordered("pageSize", "50", "category", "光网推进", "owner", "")),
            Route.get("/api/v1/broadband/investment-summary", ordered("groupBy", "owner")),
            Route.get("/api/v1/broadband/reports/2017-06", Map.of()),
            Route.get("/api/v1/retail/outlets", ordered("region", "630100", "format", "community_convenience_store")),
            Route.get("/api/v1/retail/trace/NO-SUCH-BATCH", Map.of()),
            Route.get("/api/v1/hotline/categories", ordered("date", "2017-07-01")),
            Route.get("/api/v1/hotline/rollout", ordered("date", "2017-09-01")),
            Route.post("/api/v1/hotline/classify", """
                    {"description": "老板拖欠工资三个月", "categoryCode": "", "region": "630100", "date": "2017-07-01"}"""),
            Route.post("/api/v1/hotline/tickets", """
                    {"requestId": "corpus-hotline-1", "description": "老板拖欠工资三个月", "categoryCode": "DISPUTE_LABOUR",
                    "region": "630102", "address": "城东区", "latitude": "36.62", "longitude": "101.78",
                    "callerPhone": "13800005678", "source": "PORTAL"}"""),
            Route.get("/api/v1/hotline/tickets/20170710-ABCDEFGH", Map.of()));

    static final String[] BAD_TEXT = {
        "",
        " ",
        "abc",
        "-1",
        "0",
        "1e309",
        "NaN",
        "Infinity",
        "99999999999999999999999",
        "2017-02-30",
        "2017-13-01",
        "17-5-1",
        "' OR '1'='1",
        "'; DROP TABLE published_standard; --",
        "<script>alert(1)</script>",
        "${jndi:ldap://x}",
        "%00",
        "\u0000",
        "\u202e",
        "😀",
        "../../etc/passwd",
        "x".repeat(5000),
        "１２３",
        "0x10",
        "1,5",
        "+-1",
        "null",
        "true"
    };
    static final JsonElement[] BAD_JSON = {
        JsonNull.INSTANCE,
        new JsonPrimitive(123),
        new JsonPrimitive(-1.5),
        new JsonPrimitive(true),
        new JsonArray(),
        new JsonObject(),
        new JsonPrimitive(""),
        new JsonPrimitive("x".repeat(10_000)),
        new JsonPrimitive("' OR 1=1 --"),
        new JsonPrimitive("2017-02-30"),
        new JsonPrimitive("\u0000"),
        new JsonPrimitive(1e308),
        new JsonPrimitive("NOT_AN_ENUM"),
        new JsonPrimitive("-0.001"),
        new JsonPrimitive("1".repeat(60))
    };
    static final String[] BROKEN_BODIES = {
        "",
        "{",
        "}",
        "[]",
        "null",
        "\"text\"",
        "{\"records\":",
        "{records:[]}",
        "{'records':[]}",
        "{\"records\":[1,2,3]}",
        "{\"records\":[{}]}",
        "{\"records\":[null]}",
        "[".repeat(5000) + "]".repeat(5000),
        "{\"a\":".repeat(200) + "1" + "}".repeat(200),
        "\uFEFF{}",
        "{\"records\":[]} trailing",
        "{\"records\":[],\"records\":[]}"
    };
    static final Pattern LEAK = Pattern.compile(
            "(?i)(exception|\\bat [a-z]+\\.[a-z]+\\.|stacktrace|org\\.postgresql|psql|syntax error at|\\bSQL\\b|"
                    + "select .* from|hikari|micronaut\\.|netty)");

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void tenThousandMalformedRequestsNeverGetA5xxOrLeakInternals() throws Exception {
        List<HttpRequest> corpus = corpus(new Random(20170501));
        assertTrue(corpus.size() >= 10_000, "corpus has " + corpus.size());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger fourXx = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            platform.get("/api/v1/wage/minimum-wage?region=630100&date=2017-05-01"); // warm the JIT first
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (HttpRequest request : corpus) {
            pool.submit(() -> {
                PlatformUnderTest.Response r;
                try {
                    r = platform.send(request);
                } catch (RuntimeException e) {
                    failures.add(request.method() + " " + request.uri() + " → no answer: " + e.getMessage());
                    return;
                }
                String problem = judge(r);
                if (problem != null) {
                    failures.add(request.method() + " " + shorten(request.uri().toString()) + " → " + r.status() + " "
                            + problem + ": " + shorten(r.body()));
                }
                if (r.status() >= 400) {
                    fourXx.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES));
        System.out.printf(
                "e2e: bad-input corpus %d requests, %d answered 4xx, %d failures%n",
                corpus.size(), fourXx.get(), failures.size());
        Map<String, Long> kinds = new java.util.TreeMap<>(failures.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        f -> f.replaceAll("^(\\S+ [^?]*).*→ (\\d+ [a-z -]+).*$", "$1 → $2"),
                        java.util.stream.Collectors.counting())));
        assertTrue(
                failures.isEmpty(),
                failures.size() + " bad answers by kind " + kinds + "; e.g.:\n"
                        + String.join("\n", failures.stream().limit(8).toList()));
    }

    /** Why an answer is wrong, or null. */
    static String judge(PlatformUnderTest.Response r) {
        if (r.status() >= 500) {
            return "is a server error";
        }
        if (LEAK.matcher(r.body()).find()) {
            return "leaks internals";
        }
        if (r.status() >= 400) {
            if (!r.isProblem()) {
                return "is not problem+json";
            }
            if (r.status() == 400 && r.problemFields().isEmpty()) {
                return "names no field";
            }
        }
        return null;
    }

    static List<HttpRequest> corpus(Random random) {
        List<HttpRequest> out = new ArrayList<>();
        while (out.size() < 10_000) {
            for (Route route : ROUTES) {
                if (route.method().equals("GET")) {
                    getMutations(route, random, out);
                } else {
                    postMutations(route, random, out);
                }
            }
        }
        return out;
    }

    private static void getMutations(Route route, Random random, List<HttpRequest> out) {
        for (String key : route.query().keySet()) {
            for (String bad : BAD_TEXT) {
                Map<String, String> q = new LinkedHashMap<>(route.query());
                q.put(key, bad);
                if (random.nextInt(4) == 0) {
                    String other = pick(new ArrayList<>(route.query().keySet()), random);
                    q.put(other, pick(List.of(BAD_TEXT), random));
                }
                out.add(get(route.path(), q));
            }
            Map<String, String> missing = new LinkedHashMap<>(route.query());
            missing.remove(key);
            out.add(get(route.path(), missing));
        }
        out.add(HttpRequest.newBuilder(URI.create(PlatformUnderTest.get().url(route.path()) + "?"
                        + String.join("&", route.query().keySet()) + "&"
                        + String.join("&", route.query().keySet())))
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    private static void postMutations(Route route, Random random, List<HttpRequest> out) {
        JsonObject valid = JsonParser.parseString(route.body()).getAsJsonObject();
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(valid, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            for (JsonElement bad : BAD_JSON) {
                JsonObject copy = valid.deepCopy();
                set(copy, path, bad.deepCopy());
                if (random.nextBoolean()) {
                    set(
                            copy,
                            pick(paths, random),
                            pick(List.of(BAD_JSON), random).deepCopy());
                }
                out.add(post(route.path(), copy.toString().getBytes(StandardCharsets.UTF_8), "application/json"));
            }
            JsonObject removed = valid.deepCopy();
            set(removed, path, null);
            out.add(post(route.path(), removed.toString().getBytes(StandardCharsets.UTF_8), "application/json"));
            JsonObject unknown = valid.deepCopy();
            unknown.addProperty("unknownField" + random.nextInt(100), "x");
            out.add(post(route.path(), unknown.toString().getBytes(StandardCharsets.UTF_8), "application/json"));
        }
        for (String broken : BROKEN_BODIES) {
            out.add(post(route.path(), broken.getBytes(StandardCharsets.UTF_8), "application/json"));
        }
        byte[] badUtf8 = route.body().replace("630200", "63\u00ff").getBytes(StandardCharsets.ISO_8859_1);
        out.add(post(route.path(), badUtf8, "application/json"));
        out.add(post(
                route.path(), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, "application/json"));
        out.add(post(route.path(), route.body().getBytes(StandardCharsets.UTF_8), "text/plain"));
        out.add(post(route.path(), route.body().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
    }

    private static void collectPaths(JsonElement e, List<Object> prefix, List<List<Object>> out) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(m.getKey());
                out.add(p);
                collectPaths(m.getValue(), p, out);
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.add(p);
                collectPaths(e.getAsJsonArray().get(i), p, out);
            }
        }
    }

    /** Sets (or with null removes) the element at {@code path}. */
    private static void set(JsonElement root, List<Object> path, JsonElement value) {
        JsonElement parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object k = path.get(i);
            if (k instanceof Integer idx) {
                if (!parent.isJsonArray() || idx >= parent.getAsJsonArray().size()) {
                    return; // an earlier mutation changed the shape: nothing to set here
                }
                parent = parent.getAsJsonArray().get(idx);
            } else {
                if (!parent.isJsonObject()) {
                    return;
                }
                parent = parent.getAsJsonObject().get((String) k);
            }
            if (parent == null || parent.isJsonNull() || parent.isJsonPrimitive()) {
                return;
            }
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer idx
                && parent.isJsonArray()
                && idx < parent.getAsJsonArray().size()) {
            if (value == null) {
                parent.getAsJsonArray().remove((int) idx);
            } else {
                parent.getAsJsonArray().set(idx, value);
            }
        } else if (last instanceof String key && parent.isJsonObject()) {
            if (value == null) {
                parent.getAsJsonObject().remove(key);
            } else {
                parent.getAsJsonObject().add(key, value);
            }
        }
    }

    private static HttpRequest get(String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(PlatformUnderTest.get().url(path)).append('?');
        query.forEach((k, v) -> url.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        return HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static HttpRequest post(String path, byte[] body, String contentType) {
        return HttpRequest.newBuilder(URI.create(PlatformUnderTest.get().url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    @SafeVarargs
    private static <T> Map<T, T> ordered(T... kv) {
        Map<T, T> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
