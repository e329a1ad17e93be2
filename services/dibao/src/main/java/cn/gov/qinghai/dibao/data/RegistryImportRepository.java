package cn.gov.qinghai.dibao.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Roster imports, read only here: {@link RegistryImport} writes them with its COPY. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegistryImportRepository extends GenericRepository<RegistryImportRow, Long> {

    /** The newest completed import, if any. */
    Optional<RegistryImportRow> findFirstByCompletedAtIsNotNullOrderByIdDesc();
}
