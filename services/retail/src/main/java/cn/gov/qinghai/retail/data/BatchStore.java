package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What {@link BatchRepository} cannot express over {@code batch}: the advisory lock on a batch code that does not
 * exist yet, and a batch's family (a recursive walk down the splits).
 */
@Singleton
public class BatchStore {

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
