package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.healthdata.data.AuditStore;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.RequestIds;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The audit trail of 80号 二(四)12–13 ("明确数据采集、传输、存储、使用、开放等各环节…责任主体"): who did what to whose record,
 * for which purpose, with which outcome. Rows are appended inside the caller's transaction, so an audited read or
 * write and its event commit together or not at all.
 *
 * <p>Hash chain: {@code hash = SHA-256(prev_hash + canonical content)}, and sequence numbers are dense (assigned
 * under a transaction-scoped advisory lock, not by a database sequence that rollbacks would leave gaps in), so
 * {@link AuditVerifier} can tell an altered row (hash mismatch) from a deleted one (gap / broken link). The lock
 * serialises appends for the rest of the transaction, so services append the event as their last statement.
 */
@Singleton
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);

    private final AuditStore events;
    private final Clock clock;

    public AuditTrail(AuditStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** What happened, before it gets its place in the chain. */
    public record Event(
            String purpose,
            String action,
            String resource,
            String resourceId,
            UUID residentId,
            boolean granted,
            String detail) {
        public static Event granted(
                String purpose, String action, String resource, String resourceId, UUID residentId) {
            return new Event(purpose, action, resource, resourceId, residentId, true, "");
        }

        public static Event denied(
                String purpose, String action, String resource, String resourceId, UUID residentId, String why) {
            return new Event(purpose, action, resource, resourceId, residentId, false, why);
        }

        public Event withDetail(String text) {
            return new Event(purpose, action, resource, resourceId, residentId, granted, text);
        }
    }

    /** A stored row, in the exact form that is hashed. */
    public record Stored(
            long sequence,
            Instant at,
            String actor,
            String roles,
            String organisation,
            String purpose,
            String action,
            String resource,
            String resourceId,
            UUID residentId,
            String outcome,
            String detail,
            String requestId,
            String prevHash,
            String hash) {

        /** The canonical content: fields joined by the unit separator, in column order. */
        public String canonical() {
            return String.join(
                    "\u001f",
                    Long.toString(sequence),
                    at.toString(),
                    actor,
                    roles,
                    organisation,
                    purpose,
                    action,
                    resource,
                    resourceId,
                    residentId == null ? "" : residentId.toString(),
                    outcome,
                    detail,
                    requestId);
        }

        public String recomputeHash() {
            return AuditTrail.sha256(prevHash + canonical());
        }

        /** This row with its hash set. */
        Stored withHash(String hash) {
            return new Stored(
                    sequence,
                    at,
                    actor,
                    roles,
                    organisation,
                    purpose,
                    action,
                    resource,
                    resourceId,
                    residentId,
                    outcome,
                    detail,
                    requestId,
                    prevHash,
                    hash);
        }
    }

    /** Appends an event for the current caller; must run inside a transaction. */
    public Stored append(Event event) {
        Caller caller = Caller.current();
        events.lockChain();
        AuditStore.Head head = events.head().orElse(new AuditStore.Head(0, GENESIS));
        long sequence = head.sequence() + 1;
        String prev = head.hash();
        Stored row = new Stored(
                sequence,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                caller.subject(),
                String.join(",", new TreeSet<>(caller.roles())),
                caller.organisation(),
                nz(event.purpose()),
                event.action(),
                event.resource(),
                nz(event.resourceId()),
                event.residentId(),
                event.granted() ? "GRANTED" : "DENIED",
                nz(event.detail()),
                RequestIds.current(),
                prev,
                "");
        Stored stored = row.withHash(row.recomputeHash());
        events.insert(stored);
        return stored;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
