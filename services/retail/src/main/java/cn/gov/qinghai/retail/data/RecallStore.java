package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What {@link RecallRepository} cannot express over {@code batch_recall}: the advisory lock on a recall's request id,
 * and the recalls that reach a batch through its lineage (a recursive walk up the parent batches).
 */
@Singleton
public class RecallStore {

    /** Advisory-lock space of recall request ids (a concurrent retry waits, then replays the first). */
    private static final long RECALL_REQUEST_LOCK = 0x5243L;

    private final Sql sql;

    public RecallStore(Sql sql) {
        this.sql = sql;
    }

    /** Serialises recalls under one request id until commit, so a concurrent retry replays the first. */
    public void lockRequest(String requestId) {
        sql.lock(RECALL_REQUEST_LOCK, requestId);
    }

    /** Recalls of the batch or of any batch it was split from, oldest first. */
    public List<RecallRow> applyingTo(String batch) {
        return sql.list(
                """
                WITH RECURSIVE lineage(code) AS (
                    SELECT CAST(? AS VARCHAR(64))
                  UNION
                    SELECT b.parent_batch_code FROM batch b JOIN lineage l ON b.batch_code = l.code
                    WHERE b.parent_batch_code IS NOT NULL)
                SELECT r.* FROM batch_recall r JOIN lineage l ON r.batch_code = l.code
                ORDER BY r.recalled_at, r.id""",
                rs -> new RecallRow(
                        rs.getLong("id"),
                        rs.getString("request_id"),
                        rs.getString("batch_code"),
                        rs.getString("reason"),
                        rs.getString("recalled_by"),
                        Sql.instant(rs, "recalled_at")),
                batch);
    }
}
