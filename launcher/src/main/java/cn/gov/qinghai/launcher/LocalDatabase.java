package cn.gov.qinghai.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Embedded PostgreSQL for local runs: data kept in {@code <dataDir>/pgdata} between runs, one database and one login
 * role per service (services never share a database).
 */
final class LocalDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalDatabase start(Path dataDir, int port) throws IOException {
        Path pgdata = dataDir.resolve("pgdata");
        Files.createDirectories(pgdata);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgdata)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // 30 s was once not enough for a second cluster started beside a running platform and a build
                // on two loaded cores (DemoDataE2eTest, 2026-12-07); a healthy start takes 1-3 s
                .setPGStartupWait(java.time.Duration.ofSeconds(90))
                .start();
        return new LocalDatabase(pg);
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the login role and database of a service if they do not exist yet; the role owns the database. */
    void ensureDatabase(String database, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres")) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", database)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE ROLE " + database + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                }
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + database + " OWNER " + database);
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
