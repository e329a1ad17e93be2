package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.EntryRow;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Health-record entries (no access decisions here). Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EntryRepository extends GenericRepository<EntryRow, UUID> {

    EntryRow save(EntryRow row);

    Optional<EntryRow> findByRequestId(String requestId);

    /** A resident's entries in the order they were recorded. */
    List<EntryRow> findByResidentIdOrderByRecordedOnAscAndIdAsc(UUID residentId);
}
