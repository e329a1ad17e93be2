package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.BatchStore;
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

    private final RecallStore recalls;
    private final BatchStore batches;
    private final Clock clock;

    public RecallService(RecallStore recalls, BatchStore batches, Clock clock) {
        this.recalls = recalls;
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
        recalls.lockRequest(requestId);
        Optional<Recall> replay = recalls.byRequest(requestId);
        if (replay.isPresent()) {
            if (!replay.get().getBatchCode().equals(batch)
                    || !replay.get().getReason().equals(reason)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different recall");
            }
            return replay.get();
        }
        if (!batches.exists(batch)) {
            throw TraceService.batchNotFound(batch);
        }
        return recalls.insert(requestId, batch, reason, caller.subject(), clock.instant());
    }

    /** Recalls of the batch or of any batch it was split from, oldest first (public: part of the trace). */
    List<Recall> applyingTo(String batch) {
        return recalls.applyingTo(batch);
    }
}
