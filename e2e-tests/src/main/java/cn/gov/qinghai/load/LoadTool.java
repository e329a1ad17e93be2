package cn.gov.qinghai.load;

import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.launcher.Platform;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import cn.gov.qinghai.wage.v1.PayrollRecordBatch;
import cn.gov.qinghai.wage.v1.StreamComplianceRequest;
import cn.gov.qinghai.wage.v1.StreamComplianceResponse;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load runs that print numbers (no assertions): fixed request count, concurrency, warm-up; requests/s,
 * p50/p95/p99/max and errors. Starts the platform with the launcher unless {@code --gateway URL --grpc HOST:PORT}
 * point at a running one.
 * <pre>
 *   bin/load [--requests 20000] [--concurrency 16] [--warmup 2000] [--records 1000000] [--batch 1000] [--writes 2000]
 *            [--scenarios wage-lookup,wage-lookup-uncached,dibao-estimate,dibao-submit,stream-compliance]
 *            [--gateway http://localhost:8080 --grpc localhost:9181 --wage-http http://localhost:8181
 *             --token-url URL]
 * </pre>
 * Scenarios: {@code wage-lookup} asks 24 questions over and over (the gateway's LookupCache answers most of them);
 * {@code wage-lookup-uncached} asks a new question almost every time (so every request reaches the wage service);
 * both run the same requests directly over gRPC in the same run and print the ratio. {@code dibao-estimate} posts a
 * three-person household to the benefit estimator; {@code dibao-submit} submits {@code --writes} new cases as a
 * county clerk (each with its own idempotency key). The 1M × 1M cross-match is measured by the dibao service's
 * {@code CrossMatchBenchmark} (docs/performance.md), because loading a million cases through the API would take
 * hours.
 */
public final class LoadTool {

    private static final String USAGE = """
            bin/load [--no-build] [options]
              --scenarios LIST   comma-separated, default all but service-start: wage-lookup,
                                 wage-lookup-uncached, dibao-estimate, dibao-submit, stream-compliance;
                                 service-start restarts each process alone and times it
              --requests N       measured requests per look-up/estimate scenario (20000)
              --warmup N         unmeasured requests first (2000)
              --concurrency N    client threads (16)
              --writes N         dibao cases to submit (2000)
              --records N        records for stream-compliance (1000000)
              --batch N          records per stream message, 1 = one per message (1000)
              --gateway URL --grpc HOST:PORT --wage-http URL --token-url U
                                 use a running platform instead of starting one (ports +10000)""";

    /** One HTTP/1.1 keep-alive client for every gateway scenario. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LoadTool() {}

    public static void main(String[] args) throws Exception {
        int requests = 20_000;
        int concurrency = 16;
        int warmup = 2_000;
        int records = 1_000_000;
        String scenarios = "wage-lookup,wage-lookup-uncached,dibao-estimate,dibao-submit,stream-compliance";
        String gateway = null;
        String grpc = null;
        String wageHttp = null;
        String tokenUrl = null;
        int writes = 2_000;
        int batch = 1_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--scenarios" -> scenarios = args[++i];
                case "--gateway" -> gateway = args[++i];
                case "--grpc" -> grpc = args[++i];
                case "--wage-http" -> wageHttp = args[++i];
                case "--token-url" -> tokenUrl = args[++i];
                case "--writes" -> writes = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Platform platform = null;
        if (gateway == null) {
            Path root = Path.of(System.getProperty("qinghai.home", "."))
                    .toAbsolutePath()
                    .normalize();
            // +10000: 18080–19186 stay below Linux's ephemeral port range (32768–60999), where an outgoing
            // connection could already hold one of the platform's ports.
            System.setProperty("qinghai.rate-limit.enabled", "false"); // a load run is one client on purpose
            platform = Platform.start(new Platform.Options(
                    root, root.resolve("e2e-tests/target/load-platform"), 10000, Duration.ofSeconds(120)));
            gateway = platform.gatewayUrl();
            grpc = platform.grpcAddress("wage");
            wageHttp = "http://localhost:" + platform.process("wage").httpPort();
            tokenUrl = platform.identityProvider().tokenEndpoint();
        }
        System.out.printf(
                "machine: %d cores, %s; java %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"),
                System.getProperty("java.version"));
        System.out.printf(
                "run: requests=%d concurrency=%d warmup=%d records=%d batch=%d writes=%d%n",
                requests, concurrency, warmup, records, batch, writes);
        try {
            for (String s : scenarios.split(",")) {
                switch (s.trim()) {
                    case "wage-lookup" -> wageLookup(gateway, grpc, requests, concurrency, warmup, false);
                    case "wage-lookup-uncached" -> wageLookup(gateway, grpc, requests, concurrency, warmup, true);
                    case "dibao-estimate" -> dibaoEstimate(gateway, requests, concurrency, warmup);
                    case "dibao-submit" -> dibaoSubmit(gateway, tokenUrl, writes, concurrency);
                    case "stream-compliance" -> streamCompliance(grpc, wageHttp, records, batch);
                    case "service-start" -> serviceStart(platform);
                    default -> throw new IllegalArgumentException("unknown scenario " + s);
                }
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    /**
     * The same look-ups through the gateway (HTTP) and directly over gRPC, in one run; the ratio is printed.
     * {@code distinct}: dates walk through ten years, so a (region, date) pair comes back only after 29,200
     * requests, long after the gateway's cache forgot it; otherwise 24 pairs repeat.
     */
    static void wageLookup(String gateway, String grpc, int requests, int concurrency, int warmup, boolean distinct)
            throws Exception {
        String[] regions = {"630100", "630200", "632200", "632300", "632500", "632600", "632700", "632800"};
        String[] fixedDates = {"2017-04-30", "2017-05-01", "2018-03-15"};
        LocalDate first =
                LocalDate.of(2014, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650));
        java.util.function.IntFunction<String> date =
                distinct ? i -> first.plusDays(i % 3650).toString() : i -> fixedDates[i % fixedDates.length];
        String label = distinct ? " (distinct questions)" : " (24 repeated questions)";
        Latencies viaGateway = run(
                requests,
                concurrency,
                warmup,
                i -> {
                    HttpRequest r = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/wage/minimum-wage?region="
                                    + regions[i % regions.length] + "&date=" + date.apply(i)))
                            .build();
                    return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                },
                "gateway GET /minimum-wage" + label);
        ManagedChannel channel =
                ManagedChannelBuilder.forTarget(grpc).usePlaintext().build();
        try {
            WageServiceGrpc.WageServiceBlockingStub stub = WageServiceGrpc.newBlockingStub(channel);
            Latencies direct = run(
                    requests,
                    concurrency,
                    warmup,
                    i -> {
                        stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                                .getMinimumWage(GetMinimumWageRequest.newBuilder()
                                        .setRegion(regions[i % regions.length])
                                        .setDate(date.apply(i))
                                        .build());
                        return true;
                    },
                    "direct gRPC GetMinimumWage" + label);
            System.out.printf(
                    "gateway adds %.3f ms at p50 (%.2fx the direct p50)%n",
                    viaGateway.p50Millis() - direct.p50Millis(), viaGateway.p50Millis() / direct.p50Millis());
        } finally {
            channel.shutdownNow();
        }
    }

    /** The benefit estimator (anonymous, computed, not stored) for a three-person household with incomes. */
    static void dibaoEstimate(String gateway, int requests, int concurrency, int warmup) throws Exception {
        run(
                requests,
                concurrency,
                warmup,
                i -> {
                    String body = """
                    {"year": 2018, "members": [
                      {"age": 40, "incomes": [{"type": "WAGE", "annualAmount": "%d"}]},
                      {"age": 38, "incomes": [{"type": "AGRICULTURE", "annualAmount": "2000"}]},
                      {"age": 10}]}""".formatted(3000 + i % 5000);
                    HttpRequest r = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/dibao/benefit-estimates"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                },
                "gateway POST /dibao/benefit-estimates");
    }

    /** A token from the provider's token endpoint with the client-credentials grant, as a department system gets it. */
    static String clientCredentialsToken(String tokenUrl, String clientId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tokenUrl))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=local"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token from " + tokenUrl + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /**
     * New dibao cases submitted by a county clerk (writes: validation, identity checks, one transaction per case).
     * Identity numbers are new in every run (a random sequence block), so a rerun on the same data is not refused
     * as a second application for the same person.
     */
    static void dibaoSubmit(String gateway, String tokenUrl, int writes, int concurrency) throws Exception {
        if (tokenUrl == null) {
            throw new IllegalArgumentException("dibao-submit needs --token-url (the OpenID Connect provider's token "
                    + "endpoint; the client load-dibao-clerk gets a clerk token for 632801)");
        }
        String county = "632801";
        String token = clientCredentialsToken(tokenUrl, "load-dibao-clerk");
        int block = ThreadLocalRandom.current().nextInt(1000);
        run(
                writes,
                concurrency,
                0,
                i -> {
                    String first17 = county
                            + LocalDate.of(1950, 1, 1)
                                    .plusDays(i % 20_000)
                                    .toString()
                                    .replace("-", "")
                            + String.format("%03d", (block + i / 20_000) % 1000);
                    String body =
                            """
                    {"requestId": "%s", "household": {"county": "%s", "township": "郭镇", "members": [
                      {"name": "测试", "idNumber": "%s", "relation": "本人", "workAbility": "PARTLY_LOST",
                       "incomes": [{"type": "WAGE", "annualAmount": "1500"}]}]}}""".formatted(UUID.randomUUID(), county, first17 + ResidentId.checkCharacter(first17));
                    HttpRequest r = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/dibao/cases"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 201;
                },
                "gateway POST /dibao/cases (writes)");
    }

    /**
     * Each process of a running platform stopped and started again on its own while the others idle: time from
     * start to healthy (HTTP /health 200 and the gRPC port accepting), and resident memory once healthy.
     */
    static void serviceStart(Platform platform) throws Exception {
        if (platform == null) {
            throw new IllegalArgumentException("service-start needs the platform this tool starts (no --gateway)");
        }
        for (var process : platform.processes().values()) {
            process.stop();
            long t0 = System.nanoTime();
            process.restart(Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%-16s started alone in %.2f s; RSS %s%n", process.name(), seconds, residentMemory(process.pid()));
        }
    }

    private static String residentMemory(long pid) {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 + " MiB")
                    .findFirst()
                    .orElse("?");
        } catch (java.io.IOException e) {
            return "? (no /proc)";
        }
    }

    interface Call {
        boolean call(int i) throws Exception;
    }

    static Latencies run(int requests, int concurrency, int warmup, Call call, String name) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            phase(pool, warmup, concurrency, call, new Latencies(warmup));
            Latencies latencies = new Latencies(requests);
            long t0 = System.nanoTime();
            phase(pool, requests, concurrency, call, latencies);
            System.out.println(latencies.summary(name, System.nanoTime() - t0));
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void phase(ExecutorService pool, int n, int concurrency, Call call, Latencies into)
            throws Exception {
        AtomicLong next = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            pool.submit(() -> {
                try {
                    long i;
                    while ((i = next.getAndIncrement()) < n) {
                        long t = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.call((int) i);
                        } catch (Exception e) {
                            ok = false;
                        }
                        into.add(System.nanoTime() - t, ok);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    /**
     * Streams {@code total} payroll records with client-side flow control, {@code batch} records per message (1: one
     * record per message); samples the service's heap meanwhile.
     */
    static void streamCompliance(String grpc, String wageHttp, int total, int batch) throws Exception {
        ManagedChannel channel =
                ManagedChannelBuilder.forTarget(grpc).usePlaintext().build();
        HeapSampler heap = new HeapSampler(wageHttp);
        heap.start();
        AtomicLong results = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long[] summaryRecords = {0};
        long t0 = System.nanoTime();
        WageServiceGrpc.newStub(channel)
                .streamCompliance(new ClientResponseObserver<StreamComplianceRequest, StreamComplianceResponse>() {
                    private int sent;
                    private boolean completed;

                    @Override
                    public void beforeStart(ClientCallStreamObserver<StreamComplianceRequest> requests) {
                        requests.setOnReadyHandler(() -> {
                            while (requests.isReady() && sent < total) {
                                if (batch == 1) {
                                    requests.onNext(StreamComplianceRequest.newBuilder()
                                            .setRecord(record(sent++))
                                            .build());
                                    continue;
                                }
                                PayrollRecordBatch.Builder records = PayrollRecordBatch.newBuilder();
                                while (records.getRecordsCount() < batch && sent < total) {
                                    records.addRecords(record(sent++));
                                }
                                requests.onNext(StreamComplianceRequest.newBuilder()
                                        .setRecords(records)
                                        .build());
                            }
                            if (sent == total && !completed) {
                                completed = true;
                                requests.onCompleted();
                            }
                        });
                    }

                    @Override
                    public void onNext(StreamComplianceResponse value) {
                        switch (value.getKindCase()) {
                            case SUMMARY ->
                                summaryRecords[0] = value.getSummary().getRecords();
                            case RESULTS -> results.addAndGet(value.getResults().getResultsCount());
                            default -> results.incrementAndGet();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        System.out.println("stream failed: " + t);
                        done.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        done.countDown();
                    }
                });
        done.await();
        long wall = System.nanoTime() - t0;
        heap.stop();
        channel.shutdownNow();
        System.out.printf(
                "%-34s records=%d results=%d in %.2f s: %.0f records/s; wage heap peak %.1f MiB (baseline %.1f MiB)%n",
                "StreamCompliance, " + batch + "/message",
                summaryRecords[0],
                results.get(),
                wall / 1e9,
                results.get() / (wall / 1e9),
                heap.peak() / 1048576.0,
                heap.baseline() / 1048576.0);
    }

    /** A full-time record: two regions, two periods (2014 tier and 2017 standard), one in ten below the minimum. */
    private static PayrollRecord record(int i) {
        return PayrollRecord.newBuilder()
                .setReference("e" + i)
                .setRegion(i % 2 == 0 ? "630100" : "632700")
                .setPeriod(i % 3 == 0 ? "2017-04" : "2017-06")
                .setEmployment(Employment.FULL_TIME)
                .setGrossPay(i % 10 == 0 ? "1400.00" : "1600.00")
                .setOvertimePay("50.00")
                .build();
    }

    /** Reads the service's heap use from its Prometheus endpoint every 100 ms. */
    static final class HeapSampler {
        private static final Pattern HEAP =
                Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);
        private final String url;
        private final List<Double> samples = new ArrayList<>();
        private volatile boolean running;
        private Thread thread;

        HeapSampler(String baseUrl) {
            this.url = baseUrl + "/prometheus";
        }

        void start() {
            samples.add(sample());
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    double s = sample();
                    synchronized (samples) {
                        samples.add(s);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(1000);
        }

        double peak() {
            synchronized (samples) {
                return samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            }
        }

        double baseline() {
            return samples.isEmpty() ? 0 : samples.get(0);
        }

        private double sample() {
            try {
                String body = HTTP.send(
                                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher m = HEAP.matcher(body);
                double sum = 0;
                while (m.find()) {
                    sum += Double.parseDouble(m.group(1));
                }
                return sum;
            } catch (Exception e) {
                return 0;
            }
        }
    }
}
