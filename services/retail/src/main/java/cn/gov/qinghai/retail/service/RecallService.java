package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.BatchRepository;
import cn.gov.qinghai.retail.data.RecallRepository;
import cn.gov.qinghai.retail.data.RecallRow;
import cn.gov.qinghai.retail.data.RecallStore;
import cn.gov.qinghai.retail.v1.Recall;
import cn.gov.qinghai.retail.v1.RecallBatchRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
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

    private final RecallRepository recalls;
    private final RecallStore lineage;
    private final BatchRepository batches;
    private final Clock clock;

    public RecallService(RecallRepository recalls, RecallStore lineage, BatchRepository batches, Clock clock) {
        this.recalls = recalls;
        this.lineage = lineage;
        this.batches = batches;
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
        lineage.lockRequest(requestId);
        Optional<Recall> replay = recalls.findByRequestId(requestId).map(RecallService::recall);
        if (replay.isPresent()) {
            if (!replay.get().getBatchCode().equals(batch)
                    || !replay.get().getReason().equals(reason)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different recall");
            }
            return replay.get();
        }
        if (!batches.existsById(batch)) {
            throw TraceService.batchNotFound(batch);
        }
        recalls.save(new RecallRow(null, requestId, batch, reason, caller.subject(), clock.instant()));
        // read back: the stored instant (microseconds), as a retry will see it
        return recalls.findByRequestId(requestId).map(RecallService::recall).orElseThrow();
    }

    /** Recalls of the batch or of any batch it was split from, oldest first (public: part of the trace). */
    List<Recall> applyingTo(String batch) {
        return lineage.applyingTo(batch).stream().map(RecallService::recall).toList();
    }

    private static Recall recall(RecallRow row) {
        return Recall.newBuilder()
                .setId(String.valueOf(row.id()))
                .setBatchCode(row.batchCode())
                .setReason(row.reason())
                .setRecalledBy(row.recalledBy())
                .setRecalledAt(Sql.text(row.recalledAt()))
                .build();
    }
}
