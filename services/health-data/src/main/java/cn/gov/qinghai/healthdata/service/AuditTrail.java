package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.data.Sql;
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

    /** Advisory lock key of the audit chain ("HDAUDIT" in ASCII). */
    private static final long CHAIN_LOCK = 0x4844415544495454L;

    public static final String GENESIS = "0".repeat(64);

    private final Sql sql;
    private final Clock clock;

    public AuditTrail(Sql sql, Clock clock) {
        this.sql = sql;
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
    }

    /** Appends an event for the current caller; must run inside a transaction. */
    public Stored append(Event event) {
        Caller caller = Caller.current();
        sql.execute("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
        Object[] head = sql.one("SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1", rs ->
                        new Object[] {rs.getLong(1), rs.getString(2)})
                .orElse(new Object[] {0L, GENESIS});
        long sequence = (Long) head[0] + 1;
        String prev = (String) head[1];
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
        String hash = row.recomputeHash();
        sql.update(
                "INSERT INTO audit_event (sequence, at, actor, roles, organisation, purpose, action, resource,"
                        + " resource_id, resident_id, outcome, detail, request_id, prev_hash, hash)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                row.sequence(),
                row.at(),
                row.actor(),
                row.roles(),
                row.organisation(),
                row.purpose(),
                row.action(),
                row.resource(),
                row.resourceId(),
                row.residentId(),
                row.outcome(),
                row.detail(),
                row.requestId(),
                prev,
                hash);
        return new Stored(
                row.sequence(),
                row.at(),
                row.actor(),
                row.roles(),
                row.organisation(),
                row.purpose(),
                row.action(),
                row.resource(),
                row.resourceId(),
                row.residentId(),
                row.outcome(),
                row.detail(),
                row.requestId(),
                prev,
                hash);
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
