package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.retail.v1.Recall;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The append-only {@code batch_recall} table, and the recalls that reach a batch through its lineage. */
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

    public Optional<Recall> byRequest(String requestId) {
        return sql.one("SELECT * FROM batch_recall WHERE request_id = ?", RecallStore::row, requestId);
    }

    public Recall insert(String requestId, String batch, String reason, String by, Instant at) {
        return sql.one("""
                INSERT INTO batch_recall (request_id, batch_code, reason, recalled_by, recalled_at)
                VALUES (?, ?, ?, ?, ?) RETURNING *""", RecallStore::row, requestId, batch, reason, by, at).orElseThrow();
    }

    /** Recalls of the batch or of any batch it was split from, oldest first. */
    public List<Recall> applyingTo(String batch) {
        return sql.list("""
                WITH RECURSIVE lineage(code) AS (
                    SELECT CAST(? AS VARCHAR(64))
                  UNION
                    SELECT b.parent_batch_code FROM batch b JOIN lineage l ON b.batch_code = l.code
                    WHERE b.parent_batch_code IS NOT NULL)
                SELECT r.* FROM batch_recall r JOIN lineage l ON r.batch_code = l.code
                ORDER BY r.recalled_at, r.id""", RecallStore::row, batch);
    }

    private static Recall row(ResultSet rs) throws SQLException {
        return Recall.newBuilder()
                .setId(String.valueOf(rs.getLong("id")))
                .setBatchCode(rs.getString("batch_code"))
                .setReason(rs.getString("reason"))
                .setRecalledBy(rs.getString("recalled_by"))
                .setRecalledAt(Sql.text(Sql.instant(rs, "recalled_at")))
                .build();
    }
}
