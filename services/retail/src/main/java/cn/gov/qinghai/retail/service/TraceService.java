package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.v1.GetRecallReachRequest;
import cn.gov.qinghai.retail.v1.GetTraceRequest;
import cn.gov.qinghai.retail.v1.RecallReach;
import cn.gov.qinghai.retail.v1.ReachedParty;
import cn.gov.qinghai.retail.v1.RecordTraceEventRequest;
import cn.gov.qinghai.retail.v1.Trace;
import cn.gov.qinghai.retail.v1.TraceEvent;
import cn.gov.qinghai.retail.v1.TraceEventType;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Important-product traceability (青政办〔2017〕85号 一(三): 建立健全重要商品追溯体系，实现质量安全可追溯管理): batches
 * followed from producer to outlet as a signed, hash-linked chain of events; public look-up by batch code; recall
 * reach over shipments and splits.
 */
@Singleton
public class TraceService {

    /** Advisory-lock space of batch creation (so two PRODUCED events for one new code cannot both win). */
    private static final long BATCH_LOCK = 0x5452L;
    /** Advisory-lock space of request ids (two concurrent retries: the second waits, then replays the first). */
    private static final long REQUEST_LOCK = 0x5251L;
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private final Sql sql;
    private final TraceSigner signer;
    private final RecallService recalls;
    private final Clock clock;

    public TraceService(Sql sql, TraceSigner signer, RecallService recalls, Clock clock) {
        this.sql = sql;
        this.signer = signer;
        this.recalls = recalls;
        this.clock = clock;
    }

    @Transactional
    public TraceEvent record(RecordTraceEventRequest r) {
        Caller caller = Authority.actingOrganisation(Authority.ENTERPRISE);
        String actor = caller.organisation();
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", r.getRequestId(), 64);
        String batch = Validation.code(errors, "batchCode", r.getBatchCode());
        TraceEventType type = errors.enumValue("type", r.getType(), TraceEventType.TRACE_EVENT_TYPE_UNSPECIFIED,
                TraceEventType.UNRECOGNIZED);
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
            parent = r.getParentBatchCode().isEmpty() ? "" : Validation.code(errors, "parentBatchCode", r.getParentBatchCode());
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

        sql.lock(REQUEST_LOCK, requestId);
        Optional<TraceEvent> replay = byRequest(requestId);
        if (replay.isPresent()) {
            TraceEvent e = replay.get();
            if (!e.getBatchCode().equals(batch) || e.getType() != type || !e.getActor().equals(actor)) {
                throw ServiceException.alreadyExists("REQUEST_ID_REUSED",
                        "requestId " + requestId + " was already used for a different event");
            }
            return e;
        }
        if (r.getOutletId() > 0 && sql.one("SELECT 1 FROM outlet WHERE id = ? AND enterprise_credit_code = ?",
                rs -> 1, r.getOutletId(), actor).isEmpty()) {
            throw ServiceException.failedPrecondition("OUTLET_NOT_OWNED",
                    "outlet " + r.getOutletId() + " is not an outlet of " + actor);
        }
        int sequence;
        String previous;
        if (type == TraceEventType.PRODUCED) {
            sql.lock(BATCH_LOCK, batch);
            if (sql.one("SELECT 1 FROM batch WHERE batch_code = ?", rs -> 1, batch).isPresent()) {
                throw ServiceException.failedPrecondition("BATCH_ALREADY_PRODUCED",
                        "batch " + batch + " already has a PRODUCED event");
            }
            if (!parent.isEmpty() && sql.one("SELECT 1 FROM batch WHERE batch_code = ?", rs -> 1, parent).isEmpty()) {
                throw ServiceException.failedPrecondition("PARENT_BATCH_NOT_FOUND", "parent batch " + parent + " is unknown");
            }
            if (!parent.isEmpty() && !holds(parent, actor)) {
                throw ServiceException.failedPrecondition("NOT_HELD_BY_ACTOR",
                        "a batch can only be split from a batch the actor produced or received");
            }
            sql.update("INSERT INTO batch (batch_code, product, quantity, parent_batch_code, producer, last_sequence, "
                    + "last_hash) VALUES (?, ?, ?, ?, ?, 0, '')", batch, product, quantity,
                    parent.isEmpty() ? null : parent, actor);
            sequence = 1;
            previous = "";
        } else {
            var head = sql.one("SELECT last_sequence, last_hash FROM batch WHERE batch_code = ? FOR UPDATE",
                    rs -> new Object[] {rs.getInt(1), rs.getString(2)}, batch)
                    .orElseThrow(() -> ServiceException.failedPrecondition("BATCH_NOT_PRODUCED",
                            "batch " + batch + " has no PRODUCED event yet"));
            sequence = (Integer) head[0] + 1;
            previous = (String) head[1];
            checkSequence(type, batch, actor, counterparty);
        }
        TraceSigner.Content content = new TraceSigner.Content(batch, sequence, type.name(), at.toString(), actor,
                counterparty, r.getOutletId(), product, quantity, parent);
        String hash = signer.hash(previous, content);
        String signature = signer.sign(actor, hash);
        sql.update("""
                INSERT INTO trace_event (batch_code, sequence, request_id, type, occurred_at, actor, counterparty,
                  outlet_id, product, quantity, parent_batch_code, hash, previous_hash, signature, key_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                batch, sequence, requestId, type.name(), at, actor, counterparty.isEmpty() ? null : counterparty,
                r.getOutletId() == 0 ? null : r.getOutletId(), product, quantity, parent.isEmpty() ? null : parent,
                hash, previous, signature, TraceSigner.KEY_ID, clock.instant());
        sql.update("UPDATE batch SET last_sequence = ?, last_hash = ? WHERE batch_code = ?", sequence, hash, batch);
        return byRequest(requestId).orElseThrow();
    }

    private void checkSequence(TraceEventType type, String batch, String actor, String counterparty) {
        switch (type) {
            case SHIPPED, SOLD -> {
                if (!holds(batch, actor)) {
                    throw ServiceException.failedPrecondition("NOT_HELD_BY_ACTOR",
                            actor + " neither produced nor received batch " + batch);
                }
            }
            case RECEIVED -> {
                boolean shipped = sql.one("""
                        SELECT 1 FROM trace_event WHERE batch_code = ? AND type = 'SHIPPED' AND actor = ?
                          AND counterparty = ? LIMIT 1""", rs -> 1, batch, counterparty, actor).isPresent();
                if (!shipped) {
                    throw ServiceException.failedPrecondition("NOT_SHIPPED_TO_RECEIVER",
                            "no SHIPPED event of batch " + batch + " from " + counterparty + " to " + actor);
                }
            }
            default -> throw ServiceException.failedPrecondition("BATCH_ALREADY_PRODUCED",
                    "batch " + batch + " already has a PRODUCED event");
        }
    }

    private boolean holds(String batch, String party) {
        return sql.one("""
                SELECT 1 FROM batch WHERE batch_code = ? AND producer = ?
                UNION ALL
                SELECT 1 FROM trace_event WHERE batch_code = ? AND type = 'RECEIVED' AND actor = ? LIMIT 1""",
                rs -> 1, batch, party, batch, party).isPresent();
    }

    private Optional<TraceEvent> byRequest(String requestId) {
        return sql.one("SELECT * FROM trace_event WHERE request_id = ?", TraceService::event, requestId);
    }

    /** Public look-up: the chain in order, each link and signature re-verified, and any recall that applies. */
    @Transactional(readOnly = true)
    public Trace trace(GetTraceRequest r) {
        FieldErrors errors = new FieldErrors();
        String batch = Validation.code(errors, "batchCode", r.getBatchCode());
        errors.throwIfAny();
        var head = sql.one("SELECT product, coalesce(parent_batch_code, '') AS parent FROM batch WHERE batch_code = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, batch)
                .orElseThrow(() -> batchNotFound(batch));
        List<TraceEvent> events = sql.list("SELECT * FROM trace_event WHERE batch_code = ? ORDER BY sequence",
                TraceService::event, batch);
        Trace.Builder out = Trace.newBuilder().setBatchCode(batch).setProduct(head[0]).setParentBatchCode(head[1])
                .addAllEvents(events);
        String previous = "";
        for (TraceEvent e : events) {
            TraceSigner.Content c = new TraceSigner.Content(e.getBatchCode(), e.getSequence(), e.getType().name(),
                    e.getOccurredAt(), e.getActor(), e.getCounterparty(), e.getOutletId(), e.getProduct(),
                    e.getQuantity(), e.getParentBatchCode());
            boolean ok = e.getPreviousHash().equals(previous) && signer.hash(previous, c).equals(e.getHash())
                    && signer.verify(e.getActor(), e.getHash(), e.getSignature());
            if (!ok) {
                out.addBrokenAt(e.getSequence());
            }
            previous = e.getHash();
        }
        return out.setChainVerified(out.getBrokenAtCount() == 0).addAllRecalls(recalls.applyingTo(batch)).build();
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
        List<String> batches = sql.list("""
                WITH RECURSIVE family(code) AS (
                    SELECT batch_code FROM batch WHERE batch_code = ?
                  UNION
                    SELECT b.batch_code FROM batch b JOIN family f ON b.parent_batch_code = f.code)
                SELECT code FROM family ORDER BY code""", rs -> rs.getString(1), batch);
        if (batches.isEmpty()) {
            throw batchNotFound(batch);
        }
        List<ReachedParty> parties = sql.list("""
                WITH RECURSIVE family(code) AS (
                    SELECT batch_code FROM batch WHERE batch_code = ?
                  UNION
                    SELECT b.batch_code FROM batch b JOIN family f ON b.parent_batch_code = f.code),
                edge AS MATERIALIZED (
                    -- a shipment received within the family: shipper → receiver, one hop
                    SELECT e.batch_code AS from_batch, e.counterparty::text AS from_party, e.batch_code AS to_batch,
                           e.actor::text AS to_party, 1 AS step
                    FROM trace_event e JOIN family f ON f.code = e.batch_code WHERE e.type = 'RECEIVED'
                  UNION ALL
                    -- a split: the holder of the parent batch produced the child batch, no hop
                    SELECT b.parent_batch_code, b.producer::text, b.batch_code, b.producer::text, 0
                    FROM batch b JOIN family f ON f.code = b.batch_code WHERE b.parent_batch_code IS NOT NULL),
                reach(batch_code, party, hops) AS (
                    SELECT batch_code, producer::text, 0 FROM batch WHERE batch_code = ?
                  UNION
                    SELECT e.to_batch, e.to_party, r.hops + e.step
                    FROM reach r JOIN edge e ON e.from_batch = r.batch_code AND e.from_party = r.party
                    WHERE r.hops < 64)
                SELECT rc.party, rc.batch_code, min(rc.hops) AS hops,
                       array_remove(array_agg(DISTINCT ev.outlet_id), NULL) AS outlets,
                       min(ev.occurred_at) AS first_received, coalesce(max(en.name), '') AS name
                FROM reach rc
                JOIN trace_event ev ON ev.batch_code = rc.batch_code AND ev.actor = rc.party AND ev.type = 'RECEIVED'
                LEFT JOIN enterprise en ON en.credit_code = rc.party
                WHERE rc.hops > 0
                GROUP BY rc.party, rc.batch_code
                ORDER BY hops, rc.party, rc.batch_code""", rs -> {
                    ReachedParty.Builder p = ReachedParty.newBuilder().setParty(rs.getString("party"))
                            .setBatchCode(rs.getString("batch_code")).setHops(rs.getInt("hops"))
                            .setFirstReceivedAt(Sql.text(Sql.instant(rs, "first_received")))
                            .setName(rs.getString("name"));
                    Array outlets = rs.getArray("outlets");
                    for (Object id : (Object[]) outlets.getArray()) {
                        p.addOutletIds(((Number) id).longValue());
                    }
                    return p.build();
                }, batch, batch);
        Set<Long> outletIds = new LinkedHashSet<>();
        parties.forEach(p -> outletIds.addAll(p.getOutletIdsList()));
        RecallReach.Builder out = RecallReach.newBuilder().setBatchCode(batch).addAllBatchCodes(batches)
                .addAllParties(parties);
        if (!outletIds.isEmpty()) {
            out.addAllOutlets(sql.list("SELECT * FROM outlet WHERE id = ANY(?::bigint[]) ORDER BY id", RegistryService::outletRow,
                    (Object) outletIds.stream().map(String::valueOf).toArray(String[]::new)));
        }
        return out.build();
    }

    private static TraceEvent event(ResultSet rs) throws SQLException {
        return TraceEvent.newBuilder().setSequence(rs.getInt("sequence")).setBatchCode(rs.getString("batch_code"))
                .setType(TraceEventType.valueOf(rs.getString("type")))
                .setOccurredAt(Sql.instant(rs, "occurred_at").toString()).setActor(rs.getString("actor"))
                .setCounterparty(nz(rs.getString("counterparty"))).setOutletId(rs.getLong("outlet_id"))
                .setProduct(rs.getString("product")).setQuantity(rs.getString("quantity"))
                .setParentBatchCode(nz(rs.getString("parent_batch_code"))).setHash(rs.getString("hash"))
                .setPreviousHash(rs.getString("previous_hash")).setSignature(rs.getString("signature"))
                .setKeyId(rs.getString("key_id")).setRecordedAt(Sql.text(Sql.instant(rs, "recorded_at"))).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static List<String> list(Object... xs) {
        List<String> out = new ArrayList<>();
        for (Object x : xs) {
            out.add(String.valueOf(x));
        }
        return out;
    }
}
