package cn.gov.qinghai.broadband.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the stored projects. Projects are written only by {@link SeedLoader} (and benchmarks). */
@Singleton
public class ProjectStore {

    private static final String COLUMNS = "id, programme, category, seq, name, owner, planned_investment_yi, "
            + "planned_investment_yuan, repairs";

    private final JdbcOperations jdbc;

    public ProjectStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every project matching the filters ({@code null} = any), in id (document) order. */
    @Transactional(readOnly = true)
    public List<ProjectRow> find(String programme, String category, String owner) {
        return Sql.query(jdbc, "SELECT " + COLUMNS + " FROM project WHERE (?::text IS NULL OR programme = ?) "
                        + "AND (?::text IS NULL OR category = ?) AND (?::text IS NULL OR owner = ?) ORDER BY id",
                ps -> {
                    ps.setString(1, programme);
                    ps.setString(2, programme);
                    ps.setString(3, category);
                    ps.setString(4, category);
                    ps.setString(5, owner);
                    ps.setString(6, owner);
                }, ProjectStore::row);
    }

    @Transactional(readOnly = true)
    public List<ProjectRow> all() {
        return find(null, null, null);
    }

    /** The 附件2 rows only (no synthetic benchmark rows), for reconciliation against 附件3. */
    @Transactional(readOnly = true)
    public List<ProjectRow> seeded() {
        return Sql.query(jdbc, "SELECT " + COLUMNS + " FROM project WHERE NOT synthetic ORDER BY id", ps -> {
        }, ProjectStore::row);
    }

    @Transactional(readOnly = true)
    public Optional<ProjectRow> byId(long id) {
        return Sql.query(jdbc, "SELECT " + COLUMNS + " FROM project WHERE id = ?", ps -> ps.setLong(1, id),
                ProjectStore::row).stream().findFirst();
    }

    static ProjectRow row(ResultSet rs) throws SQLException {
        String repairs = rs.getString(9);
        return new ProjectRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBigDecimal(8).stripTrailingZeros(),
                repairs.isEmpty() ? List.of() : Arrays.asList(repairs.split(";")));
    }
}
