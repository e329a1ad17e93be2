package cn.gov.qinghai.demodata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Loads the demonstration data ("示例数据 / demonstration data", seed {@value #SEED}: the day 青政办〔2017〕86号 took
 * effect) through the services' own gRPC APIs, as their department clients. Reproducible (one seed, request ids
 * derived from it), idempotent (a domain whose last record is there is skipped; a half-done domain is replayed by
 * request id and completed), and reported with the time it took.
 *
 * <p>Run by the launcher after the platform is healthy (unless {@code --no-demo-data}) and, in a cluster, by the
 * chart's Job when {@code demoData.enabled}: {@code java cn.gov.qinghai.demodata.DemoData} with
 * {@code <PREFIX>_GRPC_ADDRESS} per service (as the gateway gets them), {@code QH_OIDC_TOKEN_ENDPOINT} and, when
 * the token must be asked for under the issuer's host name, {@code QH_OIDC_TOKEN_HOST}.
 */
public final class DemoData {

    public static final long SEED = 20170616L;

    /** What one load did: records sent per domain (0 when already there) and how long it took. */
    public record Result(Map<String, Integer> sent, Duration took) {
        public int total() {
            return sent.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private DemoData() {}

    /**
     * Loads every domain, one thread per service.
     *
     * @param addressOf     service name (e.g. "health-data") → gRPC host:port
     * @param tokenEndpoint the OpenID Connect provider's token endpoint
     * @param tokenHost     Host header for token requests, or null
     */
    public static Result load(Function<String, String> addressOf, String tokenEndpoint, String tokenHost)
            throws InterruptedException {
        long t0 = System.nanoTime();
        Map<String, Integer> sent = new java.util.LinkedHashMap<>();
        try (Connections c = new Connections(addressOf, tokenEndpoint, tokenHost)) {
            List<DemoDomain> domains = domains(c);
            // the services are independent (each domain has its own seeded Random): load them side by side
            ExecutorService pool = Executors.newFixedThreadPool(domains.size());
            try {
                List<Future<Integer>> counts = new ArrayList<>();
                for (DemoDomain d : domains) {
                    counts.add(pool.submit(() -> d.loaded() ? 0 : d.load()));
                }
                for (int i = 0; i < domains.size(); i++) {
                    sent.put(domains.get(i).service(), counts.get(i).get());
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new Result(sent, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static List<DemoDomain> domains(Connections c) {
        List<DemoDomain> all = new ArrayList<>();
        all.add(new BroadbandDemo(c, SEED));
        all.add(new HealthDemo(c, SEED));
        all.add(new RetailDemo(c, SEED));
        all.add(new DibaoDemo(c, SEED));
        all.add(new EnterpriseCostDemo(c, SEED));
        all.add(new HotlineDemo(c, SEED));
        return all;
    }

    /** The chart's Job: addresses and the token endpoint from the environment. */
    public static void main(String[] args) throws InterruptedException {
        String endpoint = System.getenv("QH_OIDC_TOKEN_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            System.err.println("QH_OIDC_TOKEN_ENDPOINT is required (the provider's token endpoint)");
            System.exit(2);
        }
        Result r = load(
                service -> {
                    String env = service.toUpperCase().replace('-', '_') + "_GRPC_ADDRESS";
                    String address = System.getenv(env);
                    if (address == null || address.isBlank()) {
                        throw new IllegalStateException(env + " is required");
                    }
                    return address;
                },
                endpoint,
                System.getenv("QH_OIDC_TOKEN_HOST"));
        System.out.println(summary(r));
    }

    /** One line for a log: what was sent per domain and the time. */
    public static String summary(Result r) {
        return String.format(
                "demonstration data (seed %d): %d records sent %s in %.1f s",
                SEED, r.total(), r.sent(), r.took().toMillis() / 1000.0);
    }
}
