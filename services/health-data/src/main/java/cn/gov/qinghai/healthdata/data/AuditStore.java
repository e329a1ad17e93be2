package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.service.AuditTrail.Stored;
import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** SQL for the {@code audit_event} hash chain (append-only). Callers hold the transaction. */
@Singleton
public class AuditStore {

    /** Advisory lock key of the audit chain ("HDAUDIT" in ASCII). */
    private static final long CHAIN_LOCK = 0x4844415544495454L;

    /** The newest row's place in the chain. */
    public record Head(long sequence, String hash) {}

    private final Sql sql;

    public AuditStore(Sql sql) {
        this.sql = sql;
    }

    /** Serialises appends to the chain until the transaction ends, so sequence numbers stay dense. */
    public void lockChain() {
        sql.lock(CHAIN_LOCK);
    }

    /** The newest row, or empty while the chain is empty. */
    public Optional<Head> head() {
        return sql.one(
                "SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1",
                rs -> new Head(rs.getLong(1), rs.getString(2)));
    }

    public void insert(Stored row) {
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
                row.prevHash(),
                row.hash());
    }

    /** How many events are about {@code residentId}. */
    public int countAbout(UUID residentId) {
        return sql.one("SELECT count(*) FROM audit_event WHERE resident_id = ?", rs -> rs.getInt(1), residentId)
                .orElse(0);
    }

    /** A page of the events about {@code residentId}, newest first. */
    public List<Stored> about(UUID residentId, int limit, int offset) {
        return sql.list(
                "SELECT * FROM audit_event WHERE resident_id = ? ORDER BY sequence DESC LIMIT ? OFFSET ?",
                AuditRows::map,
                residentId,
                limit,
                offset);
    }

    /** How many events about {@code residentId} were done by someone other than {@code actor}. */
    public int countAboutByOthers(UUID residentId, String actor) {
        return sql.one(
                        "SELECT count(*) FROM audit_event WHERE resident_id = ? AND actor <> ?",
                        rs -> rs.getInt(1),
                        residentId,
                        actor)
                .orElse(0);
    }

    /** A page of the events about {@code residentId} by someone other than {@code actor}, newest first. */
    public List<Stored> aboutByOthers(UUID residentId, String actor, int limit, int offset) {
        return sql.list(
                "SELECT * FROM audit_event WHERE resident_id = ? AND actor <> ? ORDER BY sequence DESC LIMIT ? OFFSET ?",
                AuditRows::map,
                residentId,
                actor,
                limit,
                offset);
    }

    /**
     * Streams the whole chain in sequence order to {@code each} through a cursor (memory stays flat; needs a
     * transaction) until it returns false.
     */
    public void eachInOrder(Predicate<Stored> each) {
        sql.each("SELECT * FROM audit_event ORDER BY sequence", rs -> each.test(AuditRows.map(rs)));
    }
}
