package cn.gov.qinghai.kit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one place that decides where test PostgreSQL comes from: a Testcontainers PostgreSQL 18 when a Docker engine
 * is reachable and already has the image (nothing is pulled), otherwise an embedded PostgreSQL 18 (zonky binaries, started in-process). One server per test JVM;
 * every caller gets a fresh, empty database on it. Tests never assume a server is already running.
 * {@code QH_TEST_DB=embedded|container} forces a choice.
 */
public final class TestDatabases {

    /** Connection settings of one fresh database. */
    public record Database(String url, String username, String password, String name) {
        /** Micronaut datasource properties for this database. */
        public Map<String, Object> micronautProperties() {
            return Map.of(
                    "datasources.default.url",
                    url,
                    "datasources.default.username",
                    username,
                    "datasources.default.password",
                    password);
        }
    }

    /** The container image, used only when it is already on the Docker engine (never pulled by a test run). */
    private static final String IMAGE = "postgres:18-alpine";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestDatabases() {}

    /** A new empty database named after {@code purpose}. */
    public static synchronized Database create(String purpose) {
        Server s = server();
        String name = (purpose.replaceAll("[^a-z0-9_]", "_") + "_"
                        + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase();
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.username(), s.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(s.urlFor(name), s.username(), s.password(), name);
    }

    private static Server server() {
        if (server == null) {
            server = useContainer() ? Server.container() : Server.embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
        }
        return server;
    }

    private static boolean useContainer() {
        String forced = System.getenv("QH_TEST_DB");
        if ("embedded".equals(forced)) {
            return false;
        }
        if ("container".equals(forced)) {
            return true;
        }
        boolean dockerConfigured =
                System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!dockerConfigured) {
            return false;
        }
        // No registry is reachable here: a Docker engine without the image would fail on the pull (and Testcontainers'
        // own start-up would try to pull its helper image first). Ask the engine directly, before Testcontainers.
        if (!imageIsLocal(IMAGE)) {
            System.out.println("test PostgreSQL: " + IMAGE + " is not on the Docker engine (nothing is pulled), "
                    + "using embedded PostgreSQL");
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the engine of DOCKER_HOST (or /var/run/docker.sock) has the image: Engine API GET /images/{name}/json. */
    private static boolean imageIsLocal(String image) {
        String host = System.getenv("DOCKER_HOST");
        String request = "GET /images/" + image + "/json HTTP/1.0\r\nHost: docker\r\n\r\n";
        try {
            return CompletableFuture.supplyAsync(() -> {
                        try {
                            if (host != null && host.startsWith("tcp://")) {
                                try (Socket socket = new Socket()) {
                                    URI uri = URI.create(host.replace("tcp://", "http://"));
                                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                                    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                                    return statusOk(Channels.newChannel(socket.getInputStream()));
                                }
                            }
                            Path path = Path.of(
                                    host != null && host.startsWith("unix://")
                                            ? host.substring("unix://".length())
                                            : "/var/run/docker.sock");
                            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                                channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                                return statusOk(channel);
                            }
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static boolean statusOk(ReadableByteChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(32);
        while (head.hasRemaining() && channel.read(head) > 0) {
            // the status line fits in the first bytes
        }
        String status = new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
        return status.startsWith("HTTP/1.") && status.substring(9).startsWith("200");
    }

    private interface Server {
        String adminUrl();

        String urlFor(String database);

        String username();

        String password();

        void stop();

        static Server embedded() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                int port = pg.getPort();
                return new Server() {
                    public String adminUrl() {
                        return urlFor("postgres");
                    }

                    public String urlFor(String db) {
                        return "jdbc:postgresql://localhost:" + port + "/" + db;
                    }

                    public String username() {
                        return "postgres";
                    }

                    public String password() {
                        return "postgres";
                    }

                    public void stop() {
                        try {
                            pg.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        static Server container() {
            PostgreSQLContainer<?> pg = new PostgreSQLContainer<>(IMAGE)
                    .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
            pg.start();
            return new Server() {
                public String adminUrl() {
                    return urlFor("postgres");
                }

                public String urlFor(String db) {
                    return "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(5432) + "/" + db;
                }

                public String username() {
                    return pg.getUsername();
                }

                public String password() {
                    return pg.getPassword();
                }

                public void stop() {
                    pg.stop();
                }
            };
        }
    }
}
