package cn.gov.qinghai.healthdata.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL on the connection of the current transaction. The schema is set-based (statistics, early warning,
 * the audit chain) so hand-written SQL is clearer here than derived repository queries.
 */
@Singleton
public class Sql {

    /** Maps one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            return ps.executeUpdate();
        });
    }

    /** Runs a statement whose result, if any, is not needed (e.g. SELECT pg_advisory_xact_lock(?)). */
    public void execute(String sql, Object... params) {
        jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            ps.execute();
            return null;
        });
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            ps.setFetchSize(1000);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        });
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> all = list(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Streams rows to {@code consumer} without holding them all (fetch size 1000 inside a transaction). */
    public void each(String sql, Row<Boolean> consumer, Object... params) {
        jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!consumer.map(rs)) {
                        break;
                    }
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p == null) {
                ps.setNull(at, Types.NULL);
            } else if (p instanceof Instant t) {
                ps.setTimestamp(at, Timestamp.from(t));
            } else if (p instanceof LocalDate d) {
                ps.setObject(at, d);
            } else if (p instanceof UUID u) {
                ps.setObject(at, u);
            } else {
                ps.setObject(at, p);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
