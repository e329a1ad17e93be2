package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.v1.Recall;
import cn.gov.qinghai.retail.v1.RecallBatchRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Batch recalls (青政办〔2017〕85号 一(三): 质量安全可追溯管理): a commerce officer recalls a batch; the recall is kept
 * append-only and shown in the public trace of the batch and of every batch split from it, so a buyer who looks up
 * a repacked product sees that its source was recalled. Who received it is {@link TraceService#recallReach}.
 */
@Singleton
public class RecallService {

    /** Advisory-lock space of recall request ids (a concurrent retry waits, then replays the first). */
    private static final long RECALL_REQUEST_LOCK = 0x5243L;

    private final Sql sql;
    private final Clock clock;

    public RecallService(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Records a recall; a retry with the same request id returns the first one. Any commerce officer. */
    @Transactional
    public Recall recall(RecallBatchRequest r) {
        Caller caller = Authority.officer();
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", r.getRequestId(), 64);
        String batch = Validation.code(errors, "batchCode", r.getBatchCode());
        String reason = errors.text("reason", r.getReason(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        sql.lock(RECALL_REQUEST_LOCK, requestId);
        Optional<Recall> replay = sql.one("SELECT * FROM batch_recall WHERE request_id = ?", RecallService::row,
                requestId);
        if (replay.isPresent()) {
            if (!replay.get().getBatchCode().equals(batch) || !replay.get().getReason().equals(reason)) {
                throw ServiceException.alreadyExists("REQUEST_ID_REUSED",
                        "requestId " + requestId + " was already used for a different recall");
            }
            return replay.get();
        }
        if (sql.one("SELECT 1 FROM batch WHERE batch_code = ?", rs -> 1, batch).isEmpty()) {
            throw TraceService.batchNotFound(batch);
        }
        return sql.one("""
                INSERT INTO batch_recall (request_id, batch_code, reason, recalled_by, recalled_at)
                VALUES (?, ?, ?, ?, ?) RETURNING *""", RecallService::row, requestId, batch, reason, caller.subject(),
                clock.instant()).orElseThrow();
    }

    /** Recalls of the batch or of any batch it was split from, oldest first (public: part of the trace). */
    List<Recall> applyingTo(String batch) {
        return sql.list("""
                WITH RECURSIVE lineage(code) AS (
                    SELECT CAST(? AS VARCHAR(64))
                  UNION
                    SELECT b.parent_batch_code FROM batch b JOIN lineage l ON b.batch_code = l.code
                    WHERE b.parent_batch_code IS NOT NULL)
                SELECT r.* FROM batch_recall r JOIN lineage l ON r.batch_code = l.code
                ORDER BY r.recalled_at, r.id""", RecallService::row, batch);
    }

    private static Recall row(ResultSet rs) throws SQLException {
        return Recall.newBuilder().setId(String.valueOf(rs.getLong("id"))).setBatchCode(rs.getString("batch_code"))
                .setReason(rs.getString("reason")).setRecalledBy(rs.getString("recalled_by"))
                .setRecalledAt(Sql.text(Sql.instant(rs, "recalled_at"))).build();
    }
}
