package cn.gov.qinghai.kit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
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
            return Map.of("datasources.default.url", url, "datasources.default.username", username,
                    "datasources.default.password", password);
        }
    }

    /** The container image, used only when it is already on the Docker engine (never pulled by a test run). */
    private static final String IMAGE = "postgres:18-alpine";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestDatabases() {
    }

    /** A new empty database named after {@code purpose}. */
    public static synchronized Database create(String purpose) {
        Server s = server();
        String name = (purpose.replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase();
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
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"));
        if (!dockerConfigured) {
            return false;
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return false;
            }
            // No registry is reachable here: a Docker engine without the image would fail on the pull. Use the
            // container only when the image is already local (pulled or built); otherwise embedded PostgreSQL.
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            return true;
        } catch (RuntimeException e) {
            System.out.println("test PostgreSQL: " + IMAGE + " not usable on the Docker engine ("
                    + e.getClass().getSimpleName() + "), using embedded PostgreSQL");
            return false;
        }
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
