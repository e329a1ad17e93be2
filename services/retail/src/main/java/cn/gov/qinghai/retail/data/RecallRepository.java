package cn.gov.qinghai.retail.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * Batch recalls: insert and read only, matching the table's append-only trigger. Callers hold
 * {@link RecallStore#lockRequest} first, so a concurrent retry finds the first recall instead of a duplicate key.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RecallRepository extends GenericRepository<RecallRow, Long> {

    RecallRow save(RecallRow row);

    Optional<RecallRow> findByRequestId(String requestId);
}
