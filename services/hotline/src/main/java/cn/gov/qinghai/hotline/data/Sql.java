package cn.gov.qinghai.hotline.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL over the current transaction's connection: the queries here are set-based and easier read as SQL. */
final class Sql {

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {}

    static <T> List<T> query(JdbcOperations jdbc, String sql, Binder binder, Mapper<T> mapper) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    static int update(JdbcOperations jdbc, String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    /** Transaction-scoped advisory lock: serialises writers of one key until commit. */
    static void lock(JdbcOperations jdbc, int namespace, int key) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)", ps -> {
            ps.setInt(1, namespace);
            ps.setInt(2, key);
            ps.execute();
            return null;
        });
    }
}
