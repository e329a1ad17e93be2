package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.BatchRepository;
import cn.gov.qinghai.retail.data.BatchRow;
import cn.gov.qinghai.retail.data.BatchStore;
import cn.gov.qinghai.retail.data.OutletRepository;
import cn.gov.qinghai.retail.data.TraceEventRepository;
import cn.gov.qinghai.retail.data.TraceEventRow;
import cn.gov.qinghai.retail.data.TraceEventStore;
import cn.gov.qinghai.retail.v1.GetRecallReachRequest;
import cn.gov.qinghai.retail.v1.GetTraceRequest;
import cn.gov.qinghai.retail.v1.ReachedParty;
import cn.gov.qinghai.retail.v1.RecallReach;
import cn.gov.qinghai.retail.v1.Trace;
import cn.gov.qinghai.retail.v1.TraceEvent;
import cn.gov.qinghai.retail.v1.TraceEventType;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Important-product traceability look-ups (青政办〔2017〕85号 一(三): 实现质量安全可追溯管理): a batch's chain
 * re-verified link by link for the public, and recall reach over shipments and splits for officers. Events are
 * recorded by {@link TraceRecorder}.
 */
@Singleton
public class TraceService {

    private final BatchRepository batches;
    private final BatchStore families;
    private final TraceEventRepository events;
    private final TraceEventStore reach;
    private final OutletRepository outlets;
    private final TraceSigner signer;
    private final RecallService recalls;

    public TraceService(
            BatchRepository batches,
            BatchStore families,
            TraceEventRepository events,
            TraceEventStore reach,
            OutletRepository outlets,
            TraceSigner signer,
            RecallService recalls) {
        this.batches = batches;
        this.families = families;
        this.reach = reach;
        this.events = events;
        this.outlets = outlets;
        this.signer = signer;
        this.recalls = recalls;
    }

    /** Public look-up: the chain in order, each link and signature re-verified, and any recall that applies. */
    @Transactional(readOnly = true)
    public Trace trace(GetTraceRequest r) {
        FieldErrors errors = new FieldErrors();
        String batch = Validation.code(errors, "batchCode", r.getBatchCode());
        errors.throwIfAny();
        BatchRow head = batches.findById(batch).orElseThrow(() -> batchNotFound(batch));
        List<TraceEvent> chain = events.findByBatchCodeOrderBySequenceAsc(batch).stream()
                .map(TraceService::event)
                .toList();
        Trace.Builder out = Trace.newBuilder()
                .setBatchCode(batch)
                .setProduct(head.product())
                .setParentBatchCode(nz(head.parentBatchCode()))
                .addAllEvents(chain);
        String previous = "";
        for (TraceEvent e : chain) {
            TraceSigner.Content c = new TraceSigner.Content(
                    e.getBatchCode(),
                    e.getSequence(),
                    e.getType().name(),
                    e.getOccurredAt(),
                    e.getActor(),
                    e.getCounterparty(),
                    e.getOutletId(),
                    e.getProduct(),
                    e.getQuantity(),
                    e.getParentBatchCode());
            boolean ok = e.getPreviousHash().equals(previous)
                    && signer.hash(previous, c).equals(e.getHash())
                    && signer.verify(e.getActor(), e.getHash(), e.getSignature());
            if (!ok) {
                out.addBrokenAt(e.getSequence());
            }
            previous = e.getHash();
        }
        return out.setChainVerified(out.getBrokenAtCount() == 0)
                .addAllRecalls(recalls.applyingTo(batch))
                .build();
    }

    /** The API view of a stored event. */
    static TraceEvent event(TraceEventRow row) {
        return TraceEvent.newBuilder()
                .setSequence(row.sequence())
                .setBatchCode(row.batchCode())
                .setType(TraceEventType.valueOf(row.type()))
                .setOccurredAt(row.occurredAt().toString())
                .setActor(row.actor())
                .setCounterparty(nz(row.counterparty()))
                .setOutletId(row.outletId() == null ? 0 : row.outletId())
                .setProduct(row.product())
                .setQuantity(row.quantity())
                .setParentBatchCode(nz(row.parentBatchCode()))
                .setHash(row.hash())
                .setPreviousHash(row.previousHash())
                .setSignature(row.signature())
                .setKeyId(row.keyId())
                .setRecordedAt(Sql.text(row.recordedAt()))
                .build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static ServiceException batchNotFound(String batch) {
        return ServiceException.notFound("BATCH_NOT_FOUND", "no batch with code " + batch);
    }

    /**
     * Every party that received the batch or a batch split from it, with its distance in shipment hops from the
     * producer: a recursive walk over RECEIVED edges (shipper → receiver, one hop) and splits (parent batch →
     * child batch at the same holder, no hop). The edges are first narrowed to the batch's family (the batch and its
     * splits, found through the parent index), so the walk's cost follows the family's size, not the table's. Recall needs
     * reach across the whole province, so any commerce officer may ask.
     */
    @Transactional(readOnly = true)
    public RecallReach recallReach(GetRecallReachRequest r) {
        Authority.officer();
        FieldErrors errors = new FieldErrors();
        String batch = Validation.code(errors, "batchCode", r.getBatchCode());
        errors.throwIfAny();
        List<String> family = families.family(batch);
        if (family.isEmpty()) {
            throw batchNotFound(batch);
        }
        List<ReachedParty> parties = reach.reach(batch);
        Set<Long> outletIds = new LinkedHashSet<>();
        parties.forEach(p -> outletIds.addAll(p.getOutletIdsList()));
        RecallReach.Builder out = RecallReach.newBuilder()
                .setBatchCode(batch)
                .addAllBatchCodes(family)
                .addAllParties(parties);
        if (!outletIds.isEmpty()) {
            out.addAllOutlets(outlets.findByIdInOrderByIdAsc(outletIds).stream()
                    .map(OutletService::outlet)
                    .toList());
        }
        return out.build();
    }
}
