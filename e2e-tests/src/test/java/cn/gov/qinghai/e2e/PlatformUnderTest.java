package cn.gov.qinghai.e2e;

import cn.gov.qinghai.kit.auth.TokenMinter;
import cn.gov.qinghai.launcher.Platform;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The platform the e2e tests talk to. With {@code PLATFORM_URL} set (a kind cluster, or a platform started by hand)
 * it is used as is; otherwise the launcher starts the whole platform once per test run from freshly built modules,
 * with its own data folder and ports offset by 20000 ({@code E2E_PORT_OFFSET}) so it never collides with a
 * developer's platform.
 */
public final class PlatformUnderTest {

    private static PlatformUnderTest instance;
    private static RuntimeException startFailure;

    private final String baseUrl;
    private final Platform platform;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PlatformUnderTest(String baseUrl, Platform platform) {
        this.baseUrl = baseUrl;
        this.platform = platform;
    }

    /** The platform; a start-up failure is remembered so every test reports it without starting again. */
    public static synchronized PlatformUnderTest get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            try {
                instance = create();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    private static PlatformUnderTest create() {
        String url = System.getenv("PLATFORM_URL");
        if (url != null && !url.isBlank()) {
            return new PlatformUnderTest(url.replaceAll("/$", ""), null);
        }
        try {
            Path root = Path.of(System.getProperty("qinghai.home", ".."))
                    .toAbsolutePath()
                    .normalize();
            Path data = root.resolve("e2e-tests/target/platform");
            deleteRecursively(data);
            long t0 = System.nanoTime();
            int offset = Integer.parseInt(System.getenv().getOrDefault("E2E_PORT_OFFSET", "20000"));
            // the suite is one client sending thousands of anonymous requests (bad-input corpus, browser tests):
            // the gateway's rate limits are switched off for it; GatewayRateLimitTest covers them
            System.setProperty("qinghai.rate-limit.enabled", System.getProperty("qinghai.rate-limit.enabled", "false"));
            // with the trace backend (Zipkin), as `bin/platform --tracing`: TracingE2eTest reads one request's trace
            System.setProperty("qinghai.tracing", System.getProperty("qinghai.tracing", "true"));
            Platform platform = Platform.start(new Platform.Options(root, data, offset, Duration.ofSeconds(180)));
            System.out.printf(
                    "e2e: platform up in %.1f s at %s%n", (System.nanoTime() - t0) / 1e9, platform.gatewayUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    platform.close();
                } catch (IOException | InterruptedException e) {
                    System.err.println("e2e: stopping the platform: " + e.getMessage());
                }
            }));
            PlatformUnderTest started = new PlatformUnderTest(platform.gatewayUrl(), platform);
            started.warmUp();
            return started;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot start the platform for e2e tests", e);
        }
    }

    /** One cheap public read per domain, so that no test's first call pays for a cold JVM. */
    private static final List<String> WARM_UP = List.of(
            "/api/v1/wage/minimum-wage?region=630100&date=2017-05-01",
            "/api/v1/dibao/public-recipients?county=630121",
            "/api/v1/enterprise-cost/deadlines?receivedOn=2017-09-25",
            "/api/v1/broadband/projects?pageSize=1",
            "/api/v1/retail/trace/NO-SUCH-BATCH",
            "/api/v1/health-data/statistics?dimensions=region,sex",
            "/api/v1/hotline/categories");

    /**
     * On a loaded two-core machine the first call into a just-started service can take longer than the gateway's
     * 3 s deadline (504: JIT, connection pools, the first gRPC connection). Ask each domain once, until it answers
     * below 500 or a minute has passed, before any test runs.
     */
    private void warmUp() throws InterruptedException {
        long t0 = System.nanoTime();
        long giveUp = t0 + Duration.ofSeconds(60).toNanos();
        for (String path : WARM_UP) {
            while (get(path).status() >= 500 && System.nanoTime() < giveUp) {
                Thread.sleep(500);
            }
        }
        System.out.printf("e2e: services warmed up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** The launcher's handle, when this run started the platform itself (process control for fault tests). */
    public Optional<Platform> local() {
        return Optional.ofNullable(platform);
    }

    /** A bearer token for a department user: minted locally with the platform's secret, or via the dev endpoint. */
    public String token(String subject, String region, String... roles) {
        return orgToken(subject, region, "", roles);
    }

    /**
     * A token signed by the platform's OpenID Connect provider with exactly these claims: in-process with the key
     * of the provider the launcher started; for an external platform with the local provider's key given as
     * {@code PLATFORM_OIDC_ISSUER} and {@code PLATFORM_OIDC_SIGNING_KEY} (JWK JSON or the PEM of the chart's
     * {@code identity-provider-key} Secret). The services verify it
     * against the provider's published JWKS like any token.
     */
    public String orgToken(String subject, String region, String org, String... roles) {
        String issuer;
        String keyJson;
        if (platform != null) {
            issuer = platform.identityProvider().issuer();
            keyJson = platform.identityProvider().signingKeyJson();
        } else {
            issuer = System.getenv("PLATFORM_OIDC_ISSUER");
            keyJson = System.getenv("PLATFORM_OIDC_SIGNING_KEY");
            if (issuer == null || keyJson == null) {
                throw new IllegalStateException("no way to get a token: set PLATFORM_OIDC_ISSUER and "
                        + "PLATFORM_OIDC_SIGNING_KEY (the local provider's key) for an external platform");
            }
        }
        try {
            cn.gov.qinghai.kit.auth.LocalSigningKeys.register(
                    issuer, "qinghai-platform", cn.gov.qinghai.identity.SigningKeys.parse(keyJson));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PLATFORM_OIDC_SIGNING_KEY: " + e.getMessage(), e);
        }
        return new TokenMinter(issuer, Clock.systemUTC())
                .mint(subject, List.of(roles), region, org, Duration.ofMinutes(30));
    }

    public Response get(String path) {
        return get(path, null);
    }

    public Response get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public Response post(String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public Response send(HttpRequest request) {
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                // A keep-alive connection the server had just closed was reused: nothing was sent, so send again.
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Response(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.body(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer, with how long it took. */
    public record Response(int status, String contentType, String body, long millis) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The field paths a problem+json names. */
        public List<String> problemFields() {
            JsonObject j = json();
            if (!j.has("errors")) {
                return List.of();
            }
            return j.getAsJsonArray("errors").asList().stream()
                    .map(e -> e.getAsJsonObject().get("field").getAsString())
                    .toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
