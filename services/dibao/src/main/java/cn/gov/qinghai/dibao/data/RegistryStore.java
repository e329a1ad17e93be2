package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a repository cannot express over the poverty-registry roster (青政办〔2017〕86号 三(一)): streamed COPY imports
 * ({@link RegistryImport}) and the set-based cross-match with the members of approved dibao cases. Finished imports
 * are read through {@link RegistryImportRepository}.
 */
@Singleton
public class RegistryStore {

    /** One row of the cross-match: {@code kind} "count" or "sample", {@code side} B(oth), D(ibao) or R(egistry). */
    public record MatchRow(String kind, String side, String value) {}

    private final Sql db;
    private final DataSource dataSource;

    public RegistryStore(Sql db, DataSource dataSource, DataSourceResolver resolver) {
        this.db = db;
        // An import holds its own connection and transaction for the whole stream, outside any @Transactional.
        this.dataSource = resolver.resolve(dataSource);
    }

    /** Starts an import on a dedicated connection; the caller must complete or abort it. */
    public RegistryImport begin(String importedBy, Instant startedAt) throws SQLException {
        return new RegistryImport(dataSource, importedBy, startedAt);
    }

    /**
     * Compares the distinct identity numbers of approved dibao members with those of import {@code importId}, both
     * in counties matching {@code countyLike}: one FULL OUTER JOIN, so a million rows a side is a single statement.
     * Returns the count per side and up to {@code sample} identity numbers per side (lowest first).
     */
    public List<MatchRow> crossMatch(String countyLike, long importId, int sample) {
        String sql = """
                WITH d AS (SELECT DISTINCT m.id_number FROM case_member m JOIN dibao_case c ON c.id = m.case_id
                           WHERE c.status = 'APPROVED' AND c.county LIKE ?),
                     r AS (SELECT DISTINCT id_number FROM registry_person WHERE import_id = ? AND county LIKE ?),
                     j AS (SELECT coalesce(d.id_number, r.id_number) AS id_number,
                                  CASE WHEN d.id_number IS NOT NULL AND r.id_number IS NOT NULL THEN 'B'
                                       WHEN d.id_number IS NOT NULL THEN 'D' ELSE 'R' END AS side
                           FROM d FULL OUTER JOIN r ON d.id_number = r.id_number),
                     counts AS (SELECT side, count(*) AS n FROM j GROUP BY side),
                     samples AS (SELECT side, id_number, row_number() OVER (PARTITION BY side ORDER BY id_number) AS k
                                 FROM j)
                SELECT 'count', side, n::text FROM counts
                UNION ALL
                SELECT 'sample', side, id_number FROM samples WHERE k <= ?
                """;
        return db.list(
                sql,
                rs -> new MatchRow(rs.getString(1), rs.getString(2), rs.getString(3)),
                countyLike,
                importId,
                countyLike,
                sample);
    }
}
