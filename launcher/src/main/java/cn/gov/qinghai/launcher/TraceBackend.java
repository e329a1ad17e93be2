package cn.gov.qinghai.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real trace backend on this machine for {@code bin/platform --tracing}: the Zipkin server (its runnable jar from
 * Maven Central, copied to {@code launcher/target/trace-backend} by the build), spans kept in memory. The services
 * send their spans to {@link #spansEndpoint()}; a person opens {@link #uiUrl()} and searches by request id
 * ({@code qinghai.request_id=...}) or trace id.
 */
public final class TraceBackend implements AutoCloseable {

    /** Zipkin's usual port; moves with {@code --port-offset} like every other port. */
    public static final int PORT = 9411;

    private final int port;
    private final Path log;
    private final Process process;

    private TraceBackend(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts Zipkin without waiting; {@link #awaitHealthy} waits. */
    static TraceBackend start(Path projectRoot, Path logDir, int port) throws IOException {
        Path jar = projectRoot.resolve("launcher/target/trace-backend/zipkin-server-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "the trace backend is not built (" + jar + " missing): run " + "./mvnw -DskipTests install first");
        }
        Path log = logDir.resolve("zipkin.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC",
                        "-Xmx256m",
                        "-jar",
                        jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("QUERY_PORT", String.valueOf(port));
        pb.environment().put("STORAGE_TYPE", "mem");
        pb.environment().put("MEM_MAX_SPANS", "200000");
        return new TraceBackend(port, log, pb.start());
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("zipkin exited during start-up; see " + log);
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(uiUrl() + "health"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("zipkin not healthy after " + timeout.toSeconds() + " s; see " + log);
    }

    /** Where services post spans (Zipkin v2 JSON). */
    public String spansEndpoint() {
        return "http://localhost:" + port + "/api/v2/spans";
    }

    /** The Zipkin UI and API root (ends with a slash): {@code api/v2/traces?annotationQuery=...}, {@code zipkin/}. */
    public String uiUrl() {
        return "http://localhost:" + port + "/";
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
