package cn.gov.qinghai.kit.data;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one helper for the SQL a Micronaut Data repository cannot express: statements built at run time, set-based
 * SQL (recursive CTEs, aggregates, upserts with RETURNING), advisory locks and streaming cursors. It runs on the
 * current transaction's connection. Used only from a service's {@code data} package (docs/adding-a-service.md).
 *
 * <p>One way to bind every type ({@link #bind}): parameters are always bound, never concatenated; {@code null} is
 * an untyped NULL, an {@link Instant} a {@code timestamptz} (as UTC, so the JVM's zone never matters), a
 * {@code String[]} a {@code text[]}, anything else {@code setObject} ({@code LocalDate}, {@code UUID}, numbers,
 * strings, booleans).
 */
@Singleton
@Requires(classes = JdbcOperations.class)
@Requires(beans = JdbcOperations.class)
public class Sql {

    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The transaction-aware operations, for COPY and other driver-level work. */
    public JdbcOperations jdbc() {
        return jdbc;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        });
    }

    /** The first row, or empty (a row mapped to {@code null} counts as none). */
    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> all = list(sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    }

    public int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    /** Runs a statement whose result, if any, is not needed. */
    public void execute(String sql, Object... args) {
        jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            ps.execute();
            return null;
        });
    }

    /**
     * Streams rows to {@code each} through a server-side cursor (fetch size 1000; needs a transaction), so memory
     * stays flat; {@code each} returns false to stop early.
     */
    public void each(String sql, Row<Boolean> each, Object... args) {
        jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!each.map(rs)) {
                        break;
                    }
                }
            }
            return null;
        });
    }

    /** Serialises writers of one key until commit or rollback (pg_advisory_xact_lock). */
    public void lock(long key) {
        execute("SELECT pg_advisory_xact_lock(?)", key);
    }

    /** Serialises writers of one text key within a lock space until commit or rollback. */
    public void lock(long space, String key) {
        execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", (int) space, key);
    }

    /** Binds {@code args} to the statement's parameters in order: the one binding rule of the platform. */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int at = i + 1;
            if (a == null) {
                ps.setNull(at, Types.NULL);
            } else if (a instanceof Instant t) {
                ps.setObject(at, t.atOffset(ZoneOffset.UTC));
            } else if (a instanceof String[] arr) {
                ps.setArray(at, ps.getConnection().createArrayOf("text", arr));
            } else {
                ps.setObject(at, a);
            }
        }
    }

    /** A {@code timestamptz} column as an Instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A {@code date} column, or null. */
    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A {@code uuid} column, or null. */
    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** An instant as API text (ISO-8601), or empty when absent. */
    public static String text(Instant t) {
        return t == null ? "" : t.toString();
    }
}
