package cn.gov.qinghai.dibao.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL on the transaction-bound connection: the dibao tables are read and written with explicit statements
 * (conditional updates for optimistic locking, ON CONFLICT for idempotency, set-based roster queries).
 */
@Singleton
public class Db {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    public Db(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... args) {
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

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> all = query(sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    }

    public int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    /** Takes a transaction-scoped advisory lock (released at commit or rollback). */
    public void lock(long key) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", ps -> {
            ps.setLong(1, key);
            ps.execute();
            return null;
        });
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
