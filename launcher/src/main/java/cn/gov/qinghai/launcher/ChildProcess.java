package cn.gov.qinghai.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service or the gateway running as a child JVM, its output in a log file, healthy when /health answers 200. */
public final class ChildProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * Small JVMs (a laptop runs eight of them) with the full JIT, so load runs measure real throughput. -Xms16m: the
     * default initial heap is the whole -Xmx here (1/64 of 24 GiB), so start-up garbage filled an ~85 MiB young
     * generation whose pages then stayed resident; a small initial heap grows only as far as needed (RSS at rest
     * −25 to −50 MiB per service, same latency; docs/performance.md). Part of the AOT cache's fingerprint: a cache is
     * trained with exactly these flags.
     */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms16m",
            "-Xmx256m",
            "-XX:MaxMetaspaceSize=128m",
            "-Dfile.encoding=UTF-8");

    private final ServiceSpec spec;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final int httpPort;
    private final int grpcPort;
    private Process process;
    private final AotCache aot;
    private final String aotMissing;

    ChildProcess(ServiceSpec spec, Path projectRoot, Map<String, String> env, Path logDir, int httpPort, int grpcPort) {
        this.spec = spec;
        this.grpcPort = grpcPort;
        this.env = Map.copyOf(env);
        this.log = logDir.resolve(spec.name() + ".log");
        this.httpPort = httpPort;
        Path module = projectRoot.resolve(spec.module());
        Path classes = module.resolve("target/classes");
        Path classpathFile = module.resolve("target/runtime-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(spec.name() + " is not built (" + classpathFile + " missing): run "
                    + "./mvnw -DskipTests install first");
        }
        String classpath;
        // Java 25's AOT cache (AotCache): the module's jar instead of target/classes, and the cache flags.
        AotCache aot = new AotCache(module);
        try {
            classpath = aot.classpath(Files.readString(classpathFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.aot = aot;
        this.aotMissing = aot.missingReason(classpath);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(aot.jvmFlags(classpath));
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(List.of("-cp", classpath, spec.mainClass()));
        this.command = cmd;
    }

    /** The command line (java, flags, class path, main class), for the AOT training's cache-creation step. */
    List<String> command() {
        return command;
    }

    AotCache aotCache() {
        return aot;
    }

    /** Why this process starts without an AOT cache, or null (it has one, or QH_AOT=off). */
    public String aotMissing() {
        return aotMissing;
    }

    public String name() {
        return spec.name();
    }

    public int httpPort() {
        return httpPort;
    }

    public Path log() {
        return log;
    }

    synchronized void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Waits until /health answers 200; fails early if the process dies. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(spec.name() + " exited during start-up; last log lines:\n" + tail(30));
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                spec.name() + " not healthy after " + timeout.toSeconds() + " s; last log lines:\n" + tail(30));
    }

    /** /health answers 200 and, for a service, its gRPC port accepts connections (it opens just after HTTP). */
    boolean healthy() {
        if (spec.grpcPort() > 0 && !accepts(grpcPort)) {
            return false;
        }
        try {
            HttpResponse<Void> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Graceful stop (SIGTERM, Micronaut shuts down cleanly), then forced after 10 s. */
    public synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * SIGTERM and wait up to {@code grace} (AotTraining: a JVM in AOT record mode writes its training data on exit,
     * which takes far longer than the normal 10 s on a busy machine; a forced kill leaves an empty file).
     */
    synchronized void stopWithin(Duration grace) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** SIGKILL, as a crash would (for fault tests). */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts again after a stop or kill and waits for health. */
    public void restart(Duration timeout) throws IOException, InterruptedException {
        start();
        awaitHealthy(timeout);
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
