package cn.gov.qinghai.launcher;

import cn.gov.qinghai.demodata.DemoData;
import cn.gov.qinghai.identity.LocalIdentityProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole platform on one machine: the local OpenID Connect provider, embedded PostgreSQL, each domain service,
 * then the gateway, all child processes
 * that talk real gRPC over loopback. Used by the {@link Launcher} command and by the e2e tests.
 */
public final class Platform implements AutoCloseable {

    /**
     * Where and how to run.
     *
     * @param demoData load the demonstration data once the platform is healthy (module demo-data) and tell the
     *                 gateway, which then labels every portal page "示例数据 / demonstration data"
     */
    public record Options(Path projectRoot, Path dataDir, int portOffset, Duration startTimeout, boolean demoData) {
        /** Without demonstration data (the e2e platform: tests make their own records). */
        public Options(Path projectRoot, Path dataDir, int portOffset, Duration startTimeout) {
            this(projectRoot, dataDir, portOffset, startTimeout, false);
        }

        public static Options defaults(Path projectRoot) {
            return new Options(projectRoot, projectRoot.resolve(".local"), 0, Duration.ofSeconds(240), true);
        }
    }

    private final Options options;
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    private volatile LocalDatabase database;
    private volatile LocalIdentityProvider identity;
    private volatile String traceSigningKey;
    private volatile DemoData.Result demoData;
    private volatile TraceBackend traceBackend;
    private volatile boolean closed;

    public Platform(Options options) {
        this.options = options;
    }

    /** Starts everything and waits until every /health answers; on failure stops what it started. */
    public static Platform start(Options options) throws IOException, InterruptedException {
        Platform platform = new Platform(options);
        try {
            platform.startAll();
            return platform;
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /**
     * Starts PostgreSQL, the services side by side, then the gateway, waiting for each /health. Safe to
     * {@link #close()} from another thread (Ctrl-C) at any point: whatever was started is stopped.
     */
    public void startAll() throws IOException, InterruptedException {
        List<ServiceSpec> specs = ServiceSpec.load();
        Path dataDir = options.dataDir();
        Path logs = dataDir.resolve("logs");
        Files.createDirectories(logs);
        int offset = options.portOffset();
        StaleProcesses.stopLeftovers(dataDir);
        for (ServiceSpec s : specs) {
            requireFree(s.httpPort() + offset, s.name() + " HTTP");
            if (!s.isGateway()) {
                requireFree(s.grpcPort() + offset, s.name() + " gRPC");
            }
        }
        int providerPort = LocalIdentityProvider.PORT + offset;
        requireFree(providerPort, "OpenID Connect provider");
        identity = LocalIdentityProvider.start(dataDir, providerPort);
        traceSigningKey = secret(dataDir.resolve("retail-trace-signing-key"));
        // --tracing (system property qinghai.tracing): Zipkin starts beside the services, which export spans to it
        if (Boolean.parseBoolean(System.getProperty("qinghai.tracing", "false"))) {
            requireFree(TraceBackend.PORT + offset, "Zipkin trace backend");
            traceBackend = TraceBackend.start(options.projectRoot(), logs, TraceBackend.PORT + offset);
            StaleProcesses.record(dataDir, traceBackend.pid());
        }
        // PostgreSQL moves down as the other ports move up, so every offset stays below 65536.
        database = LocalDatabase.start(dataDir, 54320 - offset / 10);
        Map<String, String> serviceAddresses = new HashMap<>();
        for (ServiceSpec s : specs) {
            if (!s.isGateway()) {
                serviceAddresses.put(s.envPrefix() + "_GRPC_ADDRESS", "localhost:" + (s.grpcPort() + offset));
            }
        }
        for (ServiceSpec s : specs) {
            Map<String, String> env = new HashMap<>(serviceAddresses);
            env.put("QH_OIDC_ISSUER", identity.issuer());
            env.put("QH_OIDC_AUDIENCE", LocalIdentityProvider.AUDIENCE);
            if (traceBackend != null) {
                env.put("QINGHAI_TRACING_EXPORTER", "zipkin");
                env.put("QINGHAI_TRACING_ENDPOINT", traceBackend.spansEndpoint());
            }
            if (s.isGateway()) {
                env.put("GATEWAY_PORT", String.valueOf(s.httpPort() + offset));
                env.put("MICRONAUT_ENVIRONMENTS", "local");
                // rate limits on anonymous routes: on, unless a test or load run switches them off
                env.put("GATEWAY_RATE_LIMIT_ENABLED", System.getProperty("qinghai.rate-limit.enabled", "true"));
                env.put("GATEWAY_DEMO_DATA", String.valueOf(options.demoData()));
            } else {
                String password = "local-" + s.database();
                try {
                    database.ensureDatabase(s.database(), password);
                } catch (java.sql.SQLException e) {
                    throw new IOException("cannot prepare database " + s.database() + ": " + e.getMessage(), e);
                }
                String p = s.envPrefix();
                env.put(p + "_GRPC_PORT", String.valueOf(s.grpcPort() + offset));
                env.put(p + "_HTTP_PORT", String.valueOf(s.httpPort() + offset));
                env.put(p + "_DB_URL", database.jdbcUrl(s.database()));
                env.put(p + "_DB_USER", s.database());
                env.put(p + "_DB_PASSWORD", password);
                if (s.name().equals("retail")) {
                    env.put("RETAIL_TRACE_SIGNING_KEY", traceSigningKey);
                }
            }
            synchronized (processes) {
                processes.put(
                        s.name(),
                        new ChildProcess(
                                s,
                                options.projectRoot(),
                                env,
                                logs,
                                s.httpPort() + offset,
                                s.isGateway() ? 0 : s.grpcPort() + offset));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(processes.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ChildProcess p : processes.values()) {
                if (closed) {
                    throw new InterruptedException("stopped during start-up");
                }
                p.start();
                StaleProcesses.record(dataDir, p.pid());
                started.add(pool.submit(() -> {
                    p.awaitHealthy(options.startTimeout());
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get();
            }
            if (traceBackend != null) {
                traceBackend.awaitHealthy(options.startTimeout());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (options.demoData()) {
            try {
                demoData = loadDemoData();
                System.out.println(DemoData.summary(demoData));
            } catch (RuntimeException e) {
                // the platform itself is up: say what failed and go on (a restart tries again, adding only the rest)
                System.err.println("demonstration data not (fully) loaded: " + e);
            }
        }
    }

    /**
     * Loads the demonstration data through the services' gRPC APIs with tokens from the local provider; adds
     * nothing when it is already there (see {@link DemoData}).
     */
    public DemoData.Result loadDemoData() throws InterruptedException {
        return DemoData.load(this::grpcAddress, identity.tokenEndpoint(), null);
    }

    /** What start-up's load of the demonstration data did, when the options asked for it and it succeeded. */
    public java.util.Optional<DemoData.Result> demoDataLoaded() {
        return java.util.Optional.ofNullable(demoData);
    }

    public String gatewayUrl() {
        return "http://localhost:" + processes.get("gateway").httpPort();
    }

    /** gRPC address of a domain service, e.g. for direct-vs-gateway comparisons. */
    public String grpcAddress(String service) {
        return ServiceSpec.load().stream()
                .filter(s -> s.name().equals(service))
                .findFirst()
                .map(s -> "localhost:" + (s.grpcPort() + options.portOffset()))
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
    }

    public ChildProcess process(String name) {
        ChildProcess p = processes.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        return p;
    }

    public Map<String, ChildProcess> processes() {
        return processes;
    }

    /** The local OpenID Connect provider (issuer, token endpoint, clients). */
    public LocalIdentityProvider identityProvider() {
        return identity;
    }

    /** The Zipkin UI and API root when the platform runs with tracing ({@code --tracing}). */
    public java.util.Optional<String> traceUiUrl() {
        TraceBackend backend = traceBackend;
        return backend == null ? java.util.Optional.empty() : java.util.Optional.of(backend.uiUrl());
    }

    public int databasePort() {
        return database.port();
    }

    public Options options() {
        return options;
    }

    /** Stops PostgreSQL and starts it again on the same port and data (for fault tests); services are not touched. */
    public synchronized void restartDatabase(Duration downFor) throws IOException, InterruptedException {
        int port = database.port();
        database.close();
        Thread.sleep(downFor.toMillis());
        database = LocalDatabase.start(options.dataDir(), port);
    }

    /** Stops the gateway first, then the services, then PostgreSQL. Idempotent. */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        closed = true;
        List<ChildProcess> reversed;
        synchronized (processes) {
            reversed = new ArrayList<>(processes.values());
        }
        java.util.Collections.reverse(reversed);
        for (ChildProcess p : reversed) {
            p.stop();
        }
        if (database != null) {
            database.close();
            database = null;
        }
        if (identity != null) {
            identity.close();
            identity = null;
        }
        if (traceBackend != null) {
            traceBackend.close();
            traceBackend = null;
        }
        StaleProcesses.clear(options.dataDir());
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " (" + what + ") is already in use: is the platform "
                    + "already running, or another program using it?");
        }
    }

    /** A local secret (the retail trace signing key): made once, kept with the data so it survives restarts. */
    private static String secret(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing more to do
        }
        return secret;
    }
}
