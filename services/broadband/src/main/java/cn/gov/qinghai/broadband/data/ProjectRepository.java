package cn.gov.qinghai.broadband.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The stored projects, read only (written by {@link SeedLoader}), in id (document) order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProjectRepository extends GenericRepository<ProjectRow, Long> {

    Optional<ProjectRow> findById(Long id);

    List<ProjectRow> listOrderById();

    /** Every project matching the filters ({@code null} = any). */
    @Query(value = """
            SELECT * FROM project
             WHERE (CAST(:programme AS text) IS NULL OR programme = :programme)
               AND (CAST(:category AS text) IS NULL OR category = :category)
               AND (CAST(:owner AS text) IS NULL OR owner = :owner)
             ORDER BY id""", nativeQuery = true)
    List<ProjectRow> find(@Nullable String programme, @Nullable String category, @Nullable String owner);

    /** The 附件2 rows only (no synthetic benchmark rows), for reconciliation against 附件3. */
    @Query(value = "SELECT * FROM project WHERE NOT synthetic ORDER BY id", nativeQuery = true)
    List<ProjectRow> seeded();
}
