package cn.gov.qinghai.broadband.data;

import cn.gov.qinghai.kit.data.Sql;
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

    private static final String COLUMNS =
            "id, programme, category, seq, name, owner, planned_investment_yi, " + "planned_investment_yuan, repairs";

    private final Sql sql;

    public ProjectStore(Sql sql) {
        this.sql = sql;
    }

    /** Every project matching the filters ({@code null} = any), in id (document) order. */
    @Transactional(readOnly = true)
    public List<ProjectRow> find(String programme, String category, String owner) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM project WHERE (?::text IS NULL OR programme = ?) "
                        + "AND (?::text IS NULL OR category = ?) AND (?::text IS NULL OR owner = ?) ORDER BY id",
                ProjectStore::row,
                programme,
                programme,
                category,
                category,
                owner,
                owner);
    }

    @Transactional(readOnly = true)
    public List<ProjectRow> all() {
        return find(null, null, null);
    }

    /** The 附件2 rows only (no synthetic benchmark rows), for reconciliation against 附件3. */
    @Transactional(readOnly = true)
    public List<ProjectRow> seeded() {
        return sql.list("SELECT " + COLUMNS + " FROM project WHERE NOT synthetic ORDER BY id", ProjectStore::row);
    }

    @Transactional(readOnly = true)
    public Optional<ProjectRow> byId(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM project WHERE id = ?", ProjectStore::row, id);
    }

    static ProjectRow row(ResultSet rs) throws SQLException {
        String repairs = rs.getString(9);
        return new ProjectRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBigDecimal(8).stripTrailingZeros(),
                repairs.isEmpty() ? List.of() : Arrays.asList(repairs.split(";")));
    }
}
