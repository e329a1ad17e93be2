package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Traced batches, keyed by batch code. Creating one is serialised by {@link BatchStore#lockCode}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BatchRepository extends GenericRepository<BatchRow, String> {

    BatchRow save(BatchRow row);

    boolean existsById(String batchCode);

    /** Whether {@code producer} produced the batch. */
    boolean existsByBatchCodeAndProducer(String batchCode, String producer);

    Optional<BatchRow> findById(String batchCode);

    /** The batch, its row locked for the rest of the transaction so appends to one chain are serialised. */
    Optional<BatchRow> findByIdForUpdate(String batchCode);

    /** Moves the chain's head to the newest event. */
    @Query("UPDATE batch SET last_sequence = :sequence, last_hash = :hash WHERE batch_code = :batchCode")
    void advance(String batchCode, int sequence, String hash);
}
