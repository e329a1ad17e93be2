package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The {@code batch} table: one row per traced batch, holding the head of its hash-linked event chain. */
@Singleton
public class BatchStore {

    /** The last link of a batch's chain. */
    public record Head(int sequence, String hash) {}

    /** What a look-up shows of a batch besides its events. */
    public record Summary(String product, String parentBatchCode) {}

    /** Advisory-lock space of batch creation (so two PRODUCED events for one new code cannot both win). */
    private static final long BATCH_LOCK = 0x5452L;

    private final Sql sql;

    public BatchStore(Sql sql) {
        this.sql = sql;
    }

    /** Serialises the creation of one batch code until commit (the row does not exist yet to lock). */
    public void lockCode(String batch) {
        sql.lock(BATCH_LOCK, batch);
    }

    public boolean exists(String batch) {
        return sql.one("SELECT 1 FROM batch WHERE batch_code = ?", rs -> 1, batch)
                .isPresent();
    }

    /** A new batch with an empty chain; {@code parent} is null for a batch not split from another. */
    public void insert(String batch, String product, String quantity, String parent, String producer) {
        sql.update(
                "INSERT INTO batch (batch_code, product, quantity, parent_batch_code, producer, last_sequence, "
                        + "last_hash) VALUES (?, ?, ?, ?, ?, 0, '')",
                batch,
                product,
                quantity,
                parent,
                producer);
    }

    /** The chain's head, locked for the rest of the transaction so appends to one batch are serialised. */
    public Optional<Head> headForUpdate(String batch) {
        return sql.one(
                "SELECT last_sequence, last_hash FROM batch WHERE batch_code = ? FOR UPDATE",
                rs -> new Head(rs.getInt(1), rs.getString(2)),
                batch);
    }

    public void advance(String batch, int sequence, String hash) {
        sql.update("UPDATE batch SET last_sequence = ?, last_hash = ? WHERE batch_code = ?", sequence, hash, batch);
    }

    public Optional<Summary> summary(String batch) {
        return sql.one(
                "SELECT product, coalesce(parent_batch_code, '') AS parent FROM batch WHERE batch_code = ?",
                rs -> new Summary(rs.getString(1), rs.getString(2)),
                batch);
    }

    /** Whether {@code party} holds the batch: it produced it or received it. */
    public boolean holds(String batch, String party) {
        return sql.one("""
                SELECT 1 FROM batch WHERE batch_code = ? AND producer = ?
                UNION ALL
                SELECT 1 FROM trace_event WHERE batch_code = ? AND type = 'RECEIVED' AND actor = ? LIMIT 1""", rs -> 1, batch, party, batch, party).isPresent();
    }

    /** The batch and every batch split from it, directly or not, by code (empty when the batch is unknown). */
    public List<String> family(String batch) {
        return sql.list("""
                WITH RECURSIVE family(code) AS (
                    SELECT batch_code FROM batch WHERE batch_code = ?
                  UNION
                    SELECT b.batch_code FROM batch b JOIN family f ON b.parent_batch_code = f.code)
                SELECT code FROM family ORDER BY code""", rs -> rs.getString(1), batch);
    }
}
