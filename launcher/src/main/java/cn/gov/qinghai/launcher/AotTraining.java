package cn.gov.qinghai.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bin/platform --aot-train}: one training run that makes each process's Java 25 AOT cache
 * ({@code <module>/target/aot/app.aot}, see {@link AotCache}) for the exact class path the launcher uses.
 *
 * <p>Starts the whole platform on a throw-away data folder with every JVM in {@code -XX:AOTMode=record}, serves a
 * few hundred requests that reach every service through the gateway (each portal page, minimum-wage look-ups over
 * the REST transcoder, health and metrics), stops the platform (each JVM writes the classes it loaded and linked and
 * the method profiles it gathered), then creates each cache with {@code -XX:AOTMode=create} one after the other (the
 * step is CPU-heavy; two cores are better used one JVM at a time). Options: {@code --port-offset N}.
 *
 * <p>{@code --exercise <gateway URL> [<health URL>...]} only sends the training requests, to a platform started
 * elsewhere (the container images' training in charts/containers/run_chart.py), so both trainings use one list.
 */
public final class AotTraining {

    private static final List<String> PAGES = List.of(
            "/",
            "/wage",
            "/wage/compliance",
            "/dibao",
            "/dibao/recipients",
            "/enterprise-cost",
            "/health-data",
            "/broadband",
            "/retail",
            "/hotline",
            "/hotline/track",
            "/documents",
            "/swagger-ui/index.html",
            "/health",
            "/prometheus");

    private AotTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--exercise")) {
            // The same requests against a platform run elsewhere: the containers stage trains the images' caches with
            // them (charts/containers/run_chart.py --aot-train). Arguments: the gateway URL, then health URLs.
            int n = exercise(args[1], List.of(args).subList(2, args.length));
            System.out.printf("AOT training: %d requests served%n", n);
            return;
        }
        if (!AotCache.jdkSupportsCache()) {
            System.err.println("AOT training needs JDK 25 or newer (running " + Runtime.version() + "); nothing done.");
            return;
        }
        int offset = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port-offset")) {
                offset = Integer.parseInt(args[++i]);
            }
        }
        Path root = Path.of(System.getProperty("qinghai.home", "."))
                .toAbsolutePath()
                .normalize();
        train(root, offset);
    }

    /**
     * What {@code bin/platform} needs trained before it starts, e.g. "gateway, wage: not trained", or null when
     * every process's cache fits this build and JDK (or none is wanted or possible, see {@link AotCache#trainingNeed}).
     */
    static String need(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        String reason = null;
        for (ServiceSpec s : ServiceSpec.load()) {
            Path module = root.resolve(s.module());
            Path deps = module.resolve("target/runtime-classpath.txt");
            if (!Files.isRegularFile(deps)) {
                continue; // not built: ChildProcess says so
            }
            String why =
                    new AotCache(module).trainingNeed(Files.readString(deps).trim());
            if (why != null) {
                names.add(s.name());
                reason = why;
            }
        }
        return names.isEmpty() ? null : String.join(", ", names) + ": " + reason;
    }

    /** The training run; the launcher's own mode is back to "use" afterwards (bin/platform starts right after). */
    static void train(Path root, int offset) throws IOException, InterruptedException {
        String before = System.getProperty(AotCache.MODE_PROPERTY);
        String tracing = System.clearProperty("qinghai.tracing"); // no Zipkin for the training run
        System.setProperty(AotCache.MODE_PROPERTY, "train");
        try {
            record(root, offset);
        } finally {
            if (tracing != null) {
                System.setProperty("qinghai.tracing", tracing);
            }
            if (before == null) {
                System.clearProperty(AotCache.MODE_PROPERTY);
            } else {
                System.setProperty(AotCache.MODE_PROPERTY, before);
            }
        }
    }

    private static void record(Path root, int offset) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("qinghai-aot-training");
        try {
            record(root, offset, data);
        } finally {
            deleteTree(data); // also after a failed run (bin/platform then starts without the caches)
        }
    }

    private static void record(Path root, int offset, Path data) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<ChildProcess> children;
        System.out.println("AOT training: starting the platform in record mode (data in " + data + ") ...");
        Platform platform = Platform.start(new Platform.Options(
                root, data, offset, Duration.ofSeconds(900))); // record mode on a busy 2-core machine is slow
        try {
            children = new ArrayList<>(platform.processes().values());
            for (ChildProcess c : children) {
                if (c.aotCache() == null || !c.command().contains("-XX:AOTMode=record")) {
                    throw new IllegalStateException(c.name() + " is not in record mode (" + c.aotMissing()
                            + "); run ./mvnw -DskipTests package first");
                }
            }
            int requests = exercise(platform);
            System.out.printf("AOT training: %d requests served, stopping to write the training data ...%n", requests);
            List<Thread> stopping = new ArrayList<>();
            for (ChildProcess c : children) {
                Thread t = new Thread(
                        () -> {
                            try {
                                c.stopWithin(Duration.ofMinutes(5));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "stop-" + c.name());
                t.start();
                stopping.add(t);
            }
            for (Thread t : stopping) {
                t.join();
            }
        } finally {
            platform.close();
        }
        for (ChildProcess c : children) {
            create(c);
        }
        System.out.printf(
                "AOT training: done in %.1f s; bin/platform uses the caches from now on.%n",
                Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0);
    }

    /** Requests that load what real traffic loads: every page (each calls its service over gRPC), REST look-ups. */
    private static int exercise(Platform platform) throws IOException, InterruptedException {
        List<String> health = new ArrayList<>();
        for (ChildProcess c : platform.processes().values()) {
            health.add("http://localhost:" + c.httpPort() + "/health");
        }
        return exercise(platform.gatewayUrl(), health);
    }

    private static int exercise(String gw, List<String> health) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int n = 0;
        for (int round = 0; round < 3; round++) {
            for (String page : PAGES) {
                n += get(http, gw + page);
            }
            for (String url : health) {
                n += get(http, url);
            }
        }
        LocalDate day = LocalDate.of(2014, 1, 1);
        String[] regions = {"630100", "630200", "632200", "632300", "632500", "632600", "632700", "632800"};
        for (int i = 0; i < 400; i++) {
            n += get(
                    http,
                    gw + "/api/v1/wage/minimum-wage?region=" + regions[i % regions.length] + "&date="
                            + day.plusDays(i * 9L));
        }
        return n;
    }

    private static int get(HttpClient http, String url) throws IOException, InterruptedException {
        http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return 1;
    }

    /** {@code -XX:AOTMode=create} with the same flags and class path the process ran with, then the fingerprint. */
    private static void create(ChildProcess c) throws IOException, InterruptedException {
        AotCache aot = c.aotCache();
        if (!Files.isRegularFile(aot.configurationFile())) {
            throw new IllegalStateException(
                    c.name() + " wrote no AOT configuration (" + aot.configurationFile() + "); see its log " + c.log());
        }
        List<String> cmd = new ArrayList<>();
        String classpath = null;
        List<String> run = c.command();
        for (int i = 0; i < run.size() - 1; i++) { // the last element is the main class
            String a = run.get(i);
            if (a.startsWith("-XX:AOTMode=") || a.startsWith("-XX:AOTConfiguration=")) {
                continue;
            }
            if (a.equals("-cp")) {
                classpath = run.get(i + 1);
            }
            cmd.add(a);
        }
        cmd.add(1, "-XX:AOTMode=create");
        cmd.add(2, "-XX:AOTConfiguration=" + aot.configurationFile());
        cmd.add(3, "-XX:AOTCache=" + aot.cacheFile());
        long t0 = System.nanoTime();
        Path log = c.log().resolveSibling(c.name() + "-aot-create.log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (p.waitFor() != 0 || !Files.isRegularFile(aot.cacheFile())) {
            throw new IllegalStateException(c.name() + ": AOT cache creation failed:\n" + Files.readString(log));
        }
        Files.writeString(aot.fingerprintFile(), AotCache.fingerprint(classpath));
        Files.deleteIfExists(aot.configurationFile());
        System.out.printf(
                "  %-16s %s (%d MiB, %.1f s)%n",
                c.name(),
                aot.cacheFile(),
                Files.size(aot.cacheFile()) >> 20,
                Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
