package cn.gov.qinghai.kit.testing;

import cn.gov.qinghai.kit.auth.TokenMinter;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A service started for a test the way it runs for real: its own fresh PostgreSQL database (Flyway migrations
 * applied), its gRPC server on a free port, the HTTP management port, and a real gRPC channel to it.
 */
public final class RunningService implements AutoCloseable {

    /**
     * The issuer URL of the test harness's OpenID Connect provider ({@link TestIssuer}). Kept under its old name so
     * tests that pass it to {@code TokenMinter} keep compiling; no shared secret exists any more.
     */
    public static final String TEST_SECRET = TestIssuer.issuer();

    private final ApplicationContext context;
    private final ManagedChannel channel;
    private final int grpcPort;
    private final TestDatabases.Database database;

    private RunningService(
            ApplicationContext context, ManagedChannel channel, int grpcPort, TestDatabases.Database database) {
        this.context = context;
        this.channel = channel;
        this.grpcPort = grpcPort;
        this.database = database;
    }

    /** Starts the application found on the test classpath with a fresh database and {@code extra} properties. */
    public static RunningService start(String name, Map<String, Object> extra) {
        TestDatabases.Database db = TestDatabases.create(name);
        int grpcPort = freePort();
        Map<String, Object> props = new HashMap<>(db.micronautProperties());
        props.put("grpc.server.port", grpcPort);
        props.put("micronaut.server.port", -1);
        props.putAll(TestIssuer.properties());
        props.putAll(extra);
        ApplicationContext ctx =
                ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", grpcPort)
                .usePlaintext()
                .build();
        return new RunningService(ctx, channel, grpcPort, db);
    }

    public ManagedChannel channel() {
        return channel;
    }

    public int grpcPort() {
        return grpcPort;
    }

    public ApplicationContext context() {
        return context;
    }

    public TestDatabases.Database database() {
        return database;
    }

    /** Call credentials carrying a freshly minted token with these roles and region scope. */
    public static CallCredentials as(String subject, String region, String... roles) {
        return asOrg(subject, region, "", roles);
    }

    public static CallCredentials asOrg(String subject, String region, String org, String... roles) {
        String token = new TokenMinter(TEST_SECRET, Clock.systemUTC())
                .mint(subject, List.of(roles), region, org, Duration.ofMinutes(10));
        return bearer(token);
    }

    public static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        context.close();
    }
}
