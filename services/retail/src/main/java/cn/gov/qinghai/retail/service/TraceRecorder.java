package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.BatchRepository;
import cn.gov.qinghai.retail.data.BatchRow;
import cn.gov.qinghai.retail.data.BatchStore;
import cn.gov.qinghai.retail.data.OutletRepository;
import cn.gov.qinghai.retail.data.TraceEventRepository;
import cn.gov.qinghai.retail.data.TraceEventRow;
import cn.gov.qinghai.retail.data.TraceEventStore;
import cn.gov.qinghai.retail.v1.RecordTraceEventRequest;
import cn.gov.qinghai.retail.v1.TraceEvent;
import cn.gov.qinghai.retail.v1.TraceEventType;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Records traceability events (青政办〔2017〕85号 一(三): 建立健全重要商品追溯体系): each event is appended to its
 * batch's signed, hash-linked chain after checking that the actor holds the batch. Look-ups are {@link TraceService}.
 */
@Singleton
public class TraceRecorder {

    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private final BatchRepository batches;
    private final BatchStore batchLocks;
    private final TraceEventRepository events;
    private final TraceEventStore requestLocks;
    private final OutletRepository outlets;
    private final TraceSigner signer;
    private final Clock clock;

    public TraceRecorder(
            BatchRepository batches,
            BatchStore batchLocks,
            TraceEventRepository events,
            TraceEventStore requestLocks,
            OutletRepository outlets,
            TraceSigner signer,
            Clock clock) {
        this.batches = batches;
        this.batchLocks = batchLocks;
        this.events = events;
        this.requestLocks = requestLocks;
        this.outlets = outlets;
        this.signer = signer;
        this.clock = clock;
    }

    @Transactional
    public TraceEvent record(RecordTraceEventRequest r) {
        Caller caller = Authority.actingOrganisation(Authority.ENTERPRISE);
        String actor = caller.organisation();
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", r.getRequestId(), 64);
        String batch = Validation.code(errors, "batchCode", r.getBatchCode());
        TraceEventType type = errors.enumValue(
                "type", r.getType(), TraceEventType.TRACE_EVENT_TYPE_UNSPECIFIED, TraceEventType.UNRECOGNIZED);
        Instant at = Validation.instant(errors, "occurredAt", r.getOccurredAt());
        if (at != null && at.isAfter(clock.instant().plus(FUTURE_SKEW))) {
            errors.add("occurredAt", "must not be in the future");
        }
        String product = "";
        String quantity = "";
        String parent = "";
        String counterparty = "";
        if (type == TraceEventType.PRODUCED) {
            product = errors.text("product", r.getProduct(), 200);
            quantity = errors.optionalText("quantity", r.getQuantity(), 100);
            parent = r.getParentBatchCode().isEmpty()
                    ? ""
                    : Validation.code(errors, "parentBatchCode", r.getParentBatchCode());
        } else if (type == TraceEventType.SHIPPED || type == TraceEventType.RECEIVED) {
            counterparty = Validation.creditCode(errors, "counterparty", r.getCounterparty());
        }
        if (r.getOutletId() < 0) {
            errors.add("outletId", "must be a positive outlet id or 0 (none)");
        }
        errors.throwIfAny();
        product = nz(product);
        quantity = nz(quantity);
        parent = nz(parent);
        counterparty = nz(counterparty);

        requestLocks.lockRequest(requestId);
        Optional<TraceEvent> replay = events.findByRequestId(requestId).map(TraceService::event);
        if (replay.isPresent()) {
            TraceEvent e = replay.get();
            if (!e.getBatchCode().equals(batch)
                    || e.getType() != type
                    || !e.getActor().equals(actor)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different event");
            }
            return e;
        }
        if (r.getOutletId() > 0 && !outlets.existsByIdAndEnterpriseCreditCode(r.getOutletId(), actor)) {
            throw ServiceException.failedPrecondition(
                    "OUTLET_NOT_OWNED", "outlet " + r.getOutletId() + " is not an outlet of " + actor);
        }
        int sequence;
        String previous;
        if (type == TraceEventType.PRODUCED) {
            batchLocks.lockCode(batch);
            if (batches.existsById(batch)) {
                throw ServiceException.failedPrecondition(
                        "BATCH_ALREADY_PRODUCED", "batch " + batch + " already has a PRODUCED event");
            }
            if (!parent.isEmpty() && !batches.existsById(parent)) {
                throw ServiceException.failedPrecondition(
                        "PARENT_BATCH_NOT_FOUND", "parent batch " + parent + " is unknown");
            }
            if (!parent.isEmpty() && !holds(parent, actor)) {
                throw ServiceException.failedPrecondition(
                        "NOT_HELD_BY_ACTOR", "a batch can only be split from a batch the actor produced or received");
            }
            batches.save(new BatchRow(batch, product, quantity, parent.isEmpty() ? null : parent, actor, 0, ""));
            sequence = 1;
            previous = "";
        } else {
            BatchRow head = batches.findByIdForUpdate(batch)
                    .orElseThrow(() -> ServiceException.failedPrecondition(
                            "BATCH_NOT_PRODUCED", "batch " + batch + " has no PRODUCED event yet"));
            sequence = head.lastSequence() + 1;
            previous = head.lastHash();
            checkSequence(type, batch, actor, counterparty);
        }
        TraceSigner.Content content = new TraceSigner.Content(
                batch,
                sequence,
                type.name(),
                at.toString(),
                actor,
                counterparty,
                r.getOutletId(),
                product,
                quantity,
                parent);
        String hash = signer.hash(previous, content);
        String signature = signer.sign(actor, hash);
        events.save(new TraceEventRow(
                batch,
                sequence,
                requestId,
                type.name(),
                at,
                actor,
                counterparty.isEmpty() ? null : counterparty,
                r.getOutletId() == 0 ? null : r.getOutletId(),
                product,
                quantity,
                parent.isEmpty() ? null : parent,
                hash,
                previous,
                signature,
                TraceSigner.KEY_ID,
                clock.instant()));
        batches.advance(batch, sequence, hash);
        return events.findByRequestId(requestId).map(TraceService::event).orElseThrow();
    }

    private void checkSequence(TraceEventType type, String batch, String actor, String counterparty) {
        switch (type) {
            case SHIPPED, SOLD -> {
                if (!holds(batch, actor)) {
                    throw ServiceException.failedPrecondition(
                            "NOT_HELD_BY_ACTOR", actor + " neither produced nor received batch " + batch);
                }
            }
            case RECEIVED -> {
                boolean shipped = events.existsByBatchCodeAndTypeAndActorAndCounterparty(
                        batch, TraceEventType.SHIPPED.name(), counterparty, actor);
                if (!shipped) {
                    throw ServiceException.failedPrecondition(
                            "NOT_SHIPPED_TO_RECEIVER",
                            "no SHIPPED event of batch " + batch + " from " + counterparty + " to " + actor);
                }
            }
            default ->
                throw ServiceException.failedPrecondition(
                        "BATCH_ALREADY_PRODUCED", "batch " + batch + " already has a PRODUCED event");
        }
    }

    /** Whether {@code party} holds the batch: it produced it or received it. */
    private boolean holds(String batch, String party) {
        return batches.existsByBatchCodeAndProducer(batch, party)
                || events.existsByBatchCodeAndTypeAndActor(batch, TraceEventType.RECEIVED.name(), party);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
