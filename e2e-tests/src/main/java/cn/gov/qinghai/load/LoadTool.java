package cn.gov.qinghai.load;

import cn.gov.qinghai.launcher.Platform;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.PayrollRecord;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load runs that print numbers (no assertions): fixed request count, concurrency, warm-up; requests/s,
 * p50/p95/p99/max and errors. Starts the platform with the launcher unless {@code --gateway URL --grpc HOST:PORT}
 * point at a running one.
 * <pre>
 *   bin/load [--requests 20000] [--concurrency 16] [--warmup 2000] [--records 1000000]
 *            [--scenarios wage-lookup,stream-compliance] [--gateway http://localhost:8080 --grpc localhost:9181
 *            --wage-http http://localhost:8181]
 * </pre>
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        int requests = 20_000;
        int concurrency = 16;
        int warmup = 2_000;
        int records = 1_000_000;
        String scenarios = "wage-lookup,stream-compliance";
        String gateway = null;
        String grpc = null;
        String wageHttp = null;
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
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Platform platform = null;
        if (gateway == null) {
            Path root = Path.of(System.getProperty("qinghai.home", ".")).toAbsolutePath().normalize();
            platform = Platform.start(new Platform.Options(root, root.resolve("e2e-tests/target/load-platform"), 2000,
                    Duration.ofSeconds(120)));
            gateway = platform.gatewayUrl();
            grpc = platform.grpcAddress("wage");
            wageHttp = "http://localhost:" + platform.process("wage").httpPort();
        }
        System.out.printf("machine: %d cores, %s; java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("run: requests=%d concurrency=%d warmup=%d records=%d%n", requests, concurrency, warmup, records);
        try {
            for (String s : scenarios.split(",")) {
                switch (s.trim()) {
                    case "wage-lookup" -> wageLookup(gateway, grpc, requests, concurrency, warmup);
                    case "stream-compliance" -> streamCompliance(grpc, wageHttp, records);
                    default -> throw new IllegalArgumentException("unknown scenario " + s);
                }
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    /** The same lookups through the gateway (HTTP) and directly over gRPC, in one run; the ratio is printed. */
    static void wageLookup(String gateway, String grpc, int requests, int concurrency, int warmup) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] regions = {"630100", "630200", "632200", "632300", "632500", "632600", "632700", "632800"};
        String[] dates = {"2017-04-30", "2017-05-01", "2018-03-15"};
        Latencies viaGateway = run(requests, concurrency, warmup, i -> {
            HttpRequest r = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/wage/minimum-wage?region="
                    + regions[i % regions.length] + "&date=" + dates[i % dates.length])).build();
            return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        }, "gateway GET /minimum-wage");
        ManagedChannel channel = ManagedChannelBuilder.forTarget(grpc).usePlaintext().build();
        try {
            WageServiceGrpc.WageServiceBlockingStub stub = WageServiceGrpc.newBlockingStub(channel);
            Latencies direct = run(requests, concurrency, warmup, i -> {
                stub.withDeadlineAfter(5, TimeUnit.SECONDS).getMinimumWage(GetMinimumWageRequest.newBuilder()
                        .setRegion(regions[i % regions.length]).setDate(dates[i % dates.length]).build());
                return true;
            }, "direct gRPC GetMinimumWage");
            System.out.printf("gateway adds %.3f ms at p50 (%.2fx the direct p50)%n",
                    viaGateway.p50Millis() - direct.p50Millis(), viaGateway.p50Millis() / direct.p50Millis());
        } finally {
            channel.shutdownNow();
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

    private static void phase(ExecutorService pool, int n, int concurrency, Call call, Latencies into) throws Exception {
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

    /** Streams {@code records} payroll records with client-side flow control; samples the service's heap meanwhile. */
    static void streamCompliance(String grpc, String wageHttp, int records) throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(grpc).usePlaintext().build();
        HeapSampler heap = new HeapSampler(wageHttp);
        heap.start();
        AtomicLong results = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long[] summaryRecords = {0};
        long t0 = System.nanoTime();
        WageServiceGrpc.newStub(channel).streamCompliance(new ClientResponseObserver<StreamComplianceRequest,
                StreamComplianceResponse>() {
            private int sent;

            @Override
            public void beforeStart(ClientCallStreamObserver<StreamComplianceRequest> requests) {
                requests.setOnReadyHandler(() -> {
                    while (requests.isReady() && sent < records) {
                        int i = sent++;
                        requests.onNext(StreamComplianceRequest.newBuilder().setRecord(PayrollRecord.newBuilder()
                                .setReference("e" + i).setRegion(i % 2 == 0 ? "630100" : "632700")
                                .setPeriod(i % 3 == 0 ? "2017-04" : "2017-06").setEmployment(Employment.FULL_TIME)
                                .setGrossPay(i % 10 == 0 ? "1400.00" : "1600.00").setOvertimePay("50.00")).build());
                    }
                    if (sent == records) {
                        sent++;
                        requests.onCompleted();
                    }
                });
            }

            @Override
            public void onNext(StreamComplianceResponse value) {
                if (value.hasSummary()) {
                    summaryRecords[0] = value.getSummary().getRecords();
                } else {
                    results.incrementAndGet();
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
        System.out.printf("%-34s records=%d results=%d in %.2f s: %.0f records/s; wage heap peak %.1f MiB (baseline %.1f MiB)%n",
                "StreamCompliance", summaryRecords[0], results.get(), wall / 1e9, results.get() / (wall / 1e9),
                heap.peak() / 1048576.0, heap.baseline() / 1048576.0);
    }

    /** Reads the service's heap use from its Prometheus endpoint every 100 ms. */
    static final class HeapSampler {
        private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)",
                Pattern.MULTILINE);
        private final String url;
        private final HttpClient http = HttpClient.newHttpClient();
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
                String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
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
