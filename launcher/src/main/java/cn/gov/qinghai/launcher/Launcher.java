package cn.gov.qinghai.launcher;

import cn.gov.qinghai.identity.LocalIdentityProvider;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/platform}: runs the platform locally until Ctrl-C. Options: {@code --data-dir DIR} (default
 * {@code .local}), {@code --port-offset N} (added to every port), {@code --no-demo-data} (start empty: no
 * demonstration data is loaded and the portal shows no "示例数据" banner), {@code --tracing} (starts Zipkin and sends
 * every process's spans to it; docs/observability.md), {@code --no-aot-train} (on Java 25, start without first
 * training the AOT caches that do not fit this build; docs/performance.md).
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("qinghai.home", "."))
                .toAbsolutePath()
                .normalize();
        Platform.Options defaults = Platform.Options.defaults(root);
        Path dataDir = defaults.dataDir();
        int offset = 0;
        boolean demoData = defaults.demoData();
        boolean aotTrain = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--port-offset" -> offset = Integer.parseInt(args[++i]);
                case "--no-demo-data" -> demoData = false;
                case "--tracing" -> System.setProperty("qinghai.tracing", "true");
                case "--no-aot-train" -> aotTrain = false;
                case "--help", "-h" -> {
                    System.out.println(
                            "usage: bin/platform [--data-dir DIR] [--port-offset N] [--no-demo-data] [--tracing]"
                                    + " [--no-aot-train]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; try --help");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(dataDir);
        Path lockFile = dataDir.resolve("launcher.lock");
        try (FileChannel channel = new RandomAccessFile(lockFile.toFile(), "rw").getChannel();
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                String owner =
                        Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                System.err.println("The platform is already running from " + dataDir + " (" + owner + ").");
                System.err.println("Use that one, or stop it with Ctrl-C in its terminal first.");
                System.exit(1);
                return;
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(
                    ("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            if (aotTrain) {
                trainIfNeeded(root, offset);
            }
            run(new Platform.Options(root, dataDir, offset, defaults.startTimeout(), demoData));
        }
    }

    /**
     * Java 25's AOT cache without an extra step: when a process has no cache for this build and JDK, one training run
     * (AotTraining, about a minute on two quiet cores) makes them all before the real start, which then uses them.
     * Why train up front rather than record on the first run (JEP 514's -XX:AOTCacheOutput): the cache is ready for
     * this very start, it holds the same representative traffic every time, and the CPU-heavy create step runs once
     * per JVM one after the other instead of in eight JVMs at Ctrl-C (the launcher's 10 s stop grace would cut them).
     * A failed training is reported and the platform starts without the caches, as on JDK 17.
     */
    private static void trainIfNeeded(Path root, int offset) throws InterruptedException {
        try {
            String need = AotTraining.need(root);
            if (need == null) {
                return;
            }
            System.out.println("AOT cache: " + need + " — training once for this build (about a minute; "
                    + "--no-aot-train or QH_AOT=off skips) ...");
            AotTraining.train(root, offset);
        } catch (IOException | RuntimeException e) {
            System.err.println("AOT training failed (" + e.getMessage() + "); starting without the caches.");
        }
    }

    private static void run(Platform.Options options) throws Exception {
        long t0 = System.nanoTime();
        System.out.println("Starting the Qinghai platform (data in " + options.dataDir() + ") ...");
        Platform platform = new Platform(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts, so Ctrl-C during start-up also stops what has started.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping ...");
                            try {
                                platform.close();
                            } catch (IOException | InterruptedException e) {
                                System.err.println("while stopping: " + e.getMessage());
                            }
                            System.out.println("Stopped.");
                            stopped.countDown();
                        },
                        "platform-stop"));
        try {
            platform.startAll();
        } catch (IllegalStateException | IOException e) {
            System.err.println("Could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        String gw = platform.gatewayUrl();
        System.out.printf(
                "%nUp in %.1f s.%n", Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0);
        System.out.println("  Gateway (REST + portal)  " + gw + "/");
        System.out.println("  OpenAPI UI               " + gw + "/swagger-ui/index.html");
        System.out.println("  Health                   " + gw + "/health");
        for (ChildProcess p : platform.processes().values()) {
            if (!p.name().equals("gateway")) {
                System.out.printf(
                        "  %-24s gRPC %s, health http://localhost:%d/health%n",
                        p.name(), platform.grpcAddress(p.name()), p.httpPort());
            }
        }
        System.out.println("  PostgreSQL               localhost:" + platform.databasePort() + " (data kept in "
                + options.dataDir().resolve("pgdata") + ")");
        System.out.println("  Logs                     " + options.dataDir().resolve("logs"));
        platform.traceUiUrl()
                .ifPresent(zipkin -> System.out.println("  Traces (Zipkin)          " + zipkin
                        + "zipkin/  (search qinghai.request_id=<X-Request-Id>)"));
        LocalIdentityProvider idp = platform.identityProvider();
        System.out.println(
                "  OpenID Connect issuer    " + idp.issuer() + " (clients: identity-provider oidc-clients.yaml)");
        System.out.println(
                "  Get a token              curl -s " + idp.tokenEndpoint() + " -d grant_type=client_credentials"
                        + " -d client_id=" + idp.clients().get(0).id() + " -d client_secret=local");
        System.out.println(
                "                           (any client of oidc-clients.yaml; the access_token is the bearer)");
        for (ChildProcess p : platform.processes().values()) {
            if (p.aotMissing() != null) { // Java 25's AOT cache (AotCache): say once why a start was slower
                System.out.println("  AOT cache                off for " + p.name() + ": " + p.aotMissing());
            }
        }
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }
}
