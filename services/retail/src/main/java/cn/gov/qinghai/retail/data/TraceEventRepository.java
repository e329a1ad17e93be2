package cn.gov.qinghai.retail.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * Trace events: insert and read only, matching the table's append-only trigger. Callers hold
 * {@link TraceEventStore#lockRequest} and the batch row ({@link BatchRepository#findByIdForUpdate}) first.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TraceEventRepository extends GenericRepository<TraceEventRow, String> {

    TraceEventRow save(TraceEventRow row);

    Optional<TraceEventRow> findByRequestId(String requestId);

    /** The batch's events in chain order. */
    List<TraceEventRow> findByBatchCodeOrderBySequenceAsc(String batchCode);

    /** Whether {@code actor} recorded an event of {@code type} for the batch (with {@code counterparty}). */
    boolean existsByBatchCodeAndTypeAndActor(String batchCode, String type, String actor);

    boolean existsByBatchCodeAndTypeAndActorAndCounterparty(
            String batchCode, String type, String actor, String counterparty);
}
