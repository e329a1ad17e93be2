package cn.gov.qinghai.hotline.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL over {@code ticket} and {@code ticket_event}. Callers own the transaction. */
@Singleton
public class TicketStore {

    static final String COLUMNS = "id, number, request_id, payload_hash, state, region, prefecture, category_code, "
            + "channel, hotline, hand_off, agency_id, description, address, latitude, longitude, caller_phone, source, "
            + "received_at, accept_limit_hours, resolve_limit_hours, accept_due_at, resolve_due_at, accepted_at, "
            + "resolved_at, resolved_on_time, closed_at, result, feedback, reopen_count, version, classification";
    /** States in which a ticket still waits for someone (the overdue list looks only at these). */
    static final String OPEN_STATES = "('PENDING_CLASSIFICATION', 'ASSIGNED', 'ACCEPTED', 'RETURNED', 'IN_PROGRESS')";

    private final Sql sql;

    public TicketStore(Sql sql) {
        this.sql = sql;
    }

    /** Inserts a new ticket unless its request id is taken; empty when it is (the caller replays). */
    public Optional<TicketRow> insertIfNew(TicketRow t) {
        return sql.one(
                "INSERT INTO ticket (number, request_id, payload_hash, state, region, prefecture, "
                        + "category_code, channel, hotline, hand_off, agency_id, description, address, latitude, longitude, "
                        + "caller_phone, source, received_at, accept_limit_hours, resolve_limit_hours, accept_due_at, "
                        + "resolve_due_at, version, classification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, 1, ?) ON CONFLICT (request_id) DO NOTHING RETURNING " + COLUMNS,
                TicketStore::row,
                t.number(),
                t.requestId(),
                t.payloadHash(),
                t.state(),
                t.region(),
                t.prefecture(),
                t.categoryCode(),
                t.channel(),
                t.hotline(),
                t.handOff(),
                t.agencyId(),
                t.description(),
                t.address(),
                t.latitude(),
                t.longitude(),
                t.callerPhone(),
                t.source(),
                t.receivedAt(),
                t.acceptLimitHours(),
                t.resolveLimitHours(),
                t.acceptDueAt(),
                t.resolveDueAt(),
                t.classification());
    }

    public Optional<TicketRow> byRequestId(String requestId) {
        return one("request_id = ?", requestId);
    }

    public Optional<TicketRow> byNumber(String number) {
        return one("number = ?", number);
    }

    /** The row locked for update (a transition reads, checks and writes under this lock). */
    public Optional<TicketRow> byNumberForUpdate(String number) {
        return sql.one("SELECT " + COLUMNS + " FROM ticket WHERE number = ? FOR UPDATE", TicketStore::row, number);
    }

    private Optional<TicketRow> one(String where, String value) {
        return sql.one("SELECT " + COLUMNS + " FROM ticket WHERE " + where, TicketStore::row, value);
    }

    /** Writes the new current state; the caller checked the version under the row lock. */
    public void update(TicketRow t) {
        sql.update(
                "UPDATE ticket SET state = ?, category_code = ?, channel = ?, hotline = ?, hand_off = ?, "
                        + "agency_id = ?, resolve_limit_hours = ?, accept_due_at = ?, resolve_due_at = ?, accepted_at = ?, "
                        + "resolved_at = ?, resolved_on_time = ?, closed_at = ?, result = ?, feedback = ?, reopen_count = ?, "
                        + "version = ?, classification = ? WHERE id = ?",
                t.state(),
                t.categoryCode(),
                t.channel(),
                t.hotline(),
                t.handOff(),
                t.agencyId(),
                t.resolveLimitHours(),
                t.acceptDueAt(),
                t.resolveDueAt(),
                t.acceptedAt(),
                t.resolvedAt(),
                t.resolvedOnTime(),
                t.closedAt(),
                t.result(),
                t.feedback(),
                t.reopenCount(),
                t.version(),
                t.classification(),
                t.id());
    }

    public void appendEvent(EventRow e) {
        sql.update(
                "INSERT INTO ticket_event (ticket_id, seq, action, event, from_state, to_state, actor, at, "
                        + "note, agency_id, request_id) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ticket_event WHERE "
                        + "ticket_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.ticketId(),
                e.ticketId(),
                e.action(),
                e.event(),
                e.fromState(),
                e.toState(),
                e.actor(),
                e.at(),
                e.note(),
                e.agencyId(),
                e.requestId());
    }

    public List<EventRow> history(long ticketId) {
        return sql.list(
                "SELECT ticket_id, seq, action, event, from_state, to_state, actor, at, note, agency_id, "
                        + "request_id FROM ticket_event WHERE ticket_id = ? ORDER BY seq",
                rs -> new EventRow(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)),
                ticketId);
    }

    public boolean transitionSeen(long ticketId, String requestId) {
        return sql.one(
                        "SELECT 1 FROM ticket_event WHERE ticket_id = ? AND request_id = ?",
                        rs -> 1,
                        ticketId,
                        requestId)
                .isPresent();
    }

    /** A filtered page of tickets, newest first, and the total count. */
    public Page list(TicketFilter f, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        List<TicketRow> rows = sql.list(
                "SELECT " + COLUMNS + " FROM ticket WHERE " + where
                        + " ORDER BY received_at DESC, id DESC OFFSET ? LIMIT ?",
                TicketStore::row,
                with(args, offset, limit));
        return new Page(rows, count(where, args.toArray()));
    }

    /** Open tickets past their current limit at {@code now}, most overdue first. */
    public Page overdue(TicketFilter f, Instant now, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = f.where(args) + " AND state IN " + OPEN_STATES + " AND (resolve_due_at < ? OR (state = "
                + "'ASSIGNED' AND accept_due_at < ?))";
        args.add(now);
        args.add(now);
        String due = "CASE WHEN state = 'ASSIGNED' THEN LEAST(accept_due_at, resolve_due_at) ELSE resolve_due_at END";
        List<TicketRow> rows = sql.list(
                "SELECT " + COLUMNS + " FROM ticket WHERE " + where + " ORDER BY " + due + ", id OFFSET ? LIMIT ?",
                TicketStore::row,
                with(args, offset, limit));
        return new Page(rows, count(where, args.toArray()));
    }

    /**
     * A reproducible random sample of tickets closed in [from, to): ordered by md5(seed || number), so the same
     * seed draws the same tickets; plus the population size.
     */
    public Page sampleClosed(String prefecture, Instant from, Instant to, String seed, int size) {
        String where = "closed_at IS NOT NULL AND closed_at >= ? AND closed_at < ? AND state = 'CLOSED'"
                + (prefecture == null ? "" : " AND prefecture = ?");
        Object[] args = prefecture == null ? new Object[] {from, to} : new Object[] {from, to, prefecture};
        List<TicketRow> rows = sql.list(
                "SELECT " + COLUMNS + " FROM ticket WHERE " + where + " ORDER BY md5(? || number) LIMIT ?",
                TicketStore::row,
                with(Arrays.asList(args), seed, size));
        return new Page(rows, count(where, args));
    }

    private long count(String where, Object[] args) {
        return sql.one("SELECT COUNT(*) FROM ticket WHERE " + where, rs -> rs.getLong(1), args)
                .orElseThrow();
    }

    /** {@code args} followed by {@code more}, as one parameter list. */
    private static Object[] with(List<Object> args, Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(Arrays.asList(more));
        return all.toArray();
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static TicketRow row(ResultSet rs) throws SQLException {
        return new TicketRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getString(18),
                instant(rs.getTimestamp(19)),
                rs.getInt(20),
                rs.getInt(21),
                instant(rs.getTimestamp(22)),
                instant(rs.getTimestamp(23)),
                instant(rs.getTimestamp(24)),
                instant(rs.getTimestamp(25)),
                (Boolean) rs.getObject(26),
                instant(rs.getTimestamp(27)),
                rs.getString(28),
                rs.getString(29),
                rs.getInt(30),
                rs.getLong(31),
                rs.getBytes(32));
    }

    /** A page of rows and the total number of matching rows. */
    public record Page(List<TicketRow> rows, long total) {}
}
