package cn.gov.qinghai.hotline.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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

    private final JdbcOperations jdbc;

    public TicketStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new ticket unless its request id is taken; empty when it is (the caller replays). */
    public Optional<TicketRow> insertIfNew(TicketRow t) {
        return Sql.query(
                        jdbc,
                        "INSERT INTO ticket (number, request_id, payload_hash, state, region, prefecture, "
                                + "category_code, channel, hotline, hand_off, agency_id, description, address, latitude, longitude, "
                                + "caller_phone, source, received_at, accept_limit_hours, resolve_limit_hours, accept_due_at, "
                                + "resolve_due_at, version, classification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                + "?, ?, ?, ?, 1, ?) ON CONFLICT (request_id) DO NOTHING RETURNING " + COLUMNS,
                        ps -> {
                            int i = 1;
                            ps.setString(i++, t.number());
                            ps.setString(i++, t.requestId());
                            ps.setString(i++, t.payloadHash());
                            ps.setString(i++, t.state());
                            ps.setString(i++, t.region());
                            ps.setString(i++, t.prefecture());
                            ps.setString(i++, t.categoryCode());
                            ps.setString(i++, t.channel());
                            ps.setString(i++, t.hotline());
                            ps.setString(i++, t.handOff());
                            ps.setString(i++, t.agencyId());
                            ps.setString(i++, t.description());
                            ps.setString(i++, t.address());
                            ps.setString(i++, t.latitude());
                            ps.setString(i++, t.longitude());
                            ps.setString(i++, t.callerPhone());
                            ps.setString(i++, t.source());
                            ps.setTimestamp(i++, ts(t.receivedAt()));
                            ps.setInt(i++, t.acceptLimitHours());
                            ps.setInt(i++, t.resolveLimitHours());
                            ps.setTimestamp(i++, ts(t.acceptDueAt()));
                            ps.setTimestamp(i++, ts(t.resolveDueAt()));
                            ps.setBytes(i, t.classification());
                        },
                        TicketStore::row)
                .stream()
                .findFirst();
    }

    public Optional<TicketRow> byRequestId(String requestId) {
        return one("request_id = ?", requestId);
    }

    public Optional<TicketRow> byNumber(String number) {
        return one("number = ?", number);
    }

    /** The row locked for update (a transition reads, checks and writes under this lock). */
    public Optional<TicketRow> byNumberForUpdate(String number) {
        return Sql.query(
                        jdbc,
                        "SELECT " + COLUMNS + " FROM ticket WHERE number = ? FOR UPDATE",
                        ps -> ps.setString(1, number),
                        TicketStore::row)
                .stream()
                .findFirst();
    }

    private Optional<TicketRow> one(String where, String value) {
        return Sql.query(
                        jdbc,
                        "SELECT " + COLUMNS + " FROM ticket WHERE " + where,
                        ps -> ps.setString(1, value),
                        TicketStore::row)
                .stream()
                .findFirst();
    }

    /** Writes the new current state; the caller checked the version under the row lock. */
    public void update(TicketRow t) {
        Sql.update(
                jdbc,
                "UPDATE ticket SET state = ?, category_code = ?, channel = ?, hotline = ?, hand_off = ?, "
                        + "agency_id = ?, resolve_limit_hours = ?, accept_due_at = ?, resolve_due_at = ?, accepted_at = ?, "
                        + "resolved_at = ?, resolved_on_time = ?, closed_at = ?, result = ?, feedback = ?, reopen_count = ?, "
                        + "version = ?, classification = ? WHERE id = ?",
                ps -> {
                    int i = 1;
                    ps.setString(i++, t.state());
                    ps.setString(i++, t.categoryCode());
                    ps.setString(i++, t.channel());
                    ps.setString(i++, t.hotline());
                    ps.setString(i++, t.handOff());
                    ps.setString(i++, t.agencyId());
                    ps.setInt(i++, t.resolveLimitHours());
                    ps.setTimestamp(i++, ts(t.acceptDueAt()));
                    ps.setTimestamp(i++, ts(t.resolveDueAt()));
                    ps.setTimestamp(i++, ts(t.acceptedAt()));
                    ps.setTimestamp(i++, ts(t.resolvedAt()));
                    if (t.resolvedOnTime() == null) {
                        ps.setNull(i++, Types.BOOLEAN);
                    } else {
                        ps.setBoolean(i++, t.resolvedOnTime());
                    }
                    ps.setTimestamp(i++, ts(t.closedAt()));
                    ps.setString(i++, t.result());
                    ps.setString(i++, t.feedback());
                    ps.setInt(i++, t.reopenCount());
                    ps.setLong(i++, t.version());
                    ps.setBytes(i++, t.classification());
                    ps.setLong(i, t.id());
                });
    }

    public void appendEvent(EventRow e) {
        Sql.update(
                jdbc,
                "INSERT INTO ticket_event (ticket_id, seq, action, event, from_state, to_state, actor, at, "
                        + "note, agency_id, request_id) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ticket_event WHERE "
                        + "ticket_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, e.ticketId());
                    ps.setLong(2, e.ticketId());
                    ps.setString(3, e.action());
                    ps.setString(4, e.event());
                    ps.setString(5, e.fromState());
                    ps.setString(6, e.toState());
                    ps.setString(7, e.actor());
                    ps.setTimestamp(8, ts(e.at()));
                    ps.setString(9, e.note());
                    ps.setString(10, e.agencyId());
                    ps.setString(11, e.requestId());
                });
    }

    public List<EventRow> history(long ticketId) {
        return Sql.query(
                jdbc,
                "SELECT ticket_id, seq, action, event, from_state, to_state, actor, at, note, agency_id, "
                        + "request_id FROM ticket_event WHERE ticket_id = ? ORDER BY seq",
                ps -> ps.setLong(1, ticketId),
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
                        rs.getString(11)));
    }

    public boolean transitionSeen(long ticketId, String requestId) {
        return !Sql.query(
                        jdbc,
                        "SELECT 1 FROM ticket_event WHERE ticket_id = ? AND request_id = ?",
                        ps -> {
                            ps.setLong(1, ticketId);
                            ps.setString(2, requestId);
                        },
                        rs -> 1)
                .isEmpty();
    }

    /** A filtered page of tickets, newest first, and the total count. */
    public Page list(TicketFilter f, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        List<TicketRow> rows = Sql.query(
                jdbc,
                "SELECT " + COLUMNS + " FROM ticket WHERE " + where
                        + " ORDER BY received_at DESC, id DESC OFFSET ? LIMIT ?",
                ps -> {
                    int i = bind(ps, args);
                    ps.setInt(i++, offset);
                    ps.setInt(i, limit);
                },
                TicketStore::row);
        long total = Sql.query(
                        jdbc, "SELECT COUNT(*) FROM ticket WHERE " + where, ps -> bind(ps, args), rs -> rs.getLong(1))
                .get(0);
        return new Page(rows, total);
    }

    /** Open tickets past their current limit at {@code now}, most overdue first. */
    public Page overdue(TicketFilter f, Instant now, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = f.where(args) + " AND state IN " + OPEN_STATES + " AND (resolve_due_at < ? OR (state = "
                + "'ASSIGNED' AND accept_due_at < ?))";
        args.add(ts(now));
        args.add(ts(now));
        String due = "CASE WHEN state = 'ASSIGNED' THEN LEAST(accept_due_at, resolve_due_at) ELSE resolve_due_at END";
        List<TicketRow> rows = Sql.query(
                jdbc,
                "SELECT " + COLUMNS + " FROM ticket WHERE " + where + " ORDER BY " + due + ", id OFFSET ? LIMIT ?",
                ps -> {
                    int i = bind(ps, args);
                    ps.setInt(i++, offset);
                    ps.setInt(i, limit);
                },
                TicketStore::row);
        long total = Sql.query(
                        jdbc, "SELECT COUNT(*) FROM ticket WHERE " + where, ps -> bind(ps, args), rs -> rs.getLong(1))
                .get(0);
        return new Page(rows, total);
    }

    /**
     * A reproducible random sample of tickets closed in [from, to): ordered by md5(seed || number), so the same
     * seed draws the same tickets; plus the population size.
     */
    public Page sampleClosed(String prefecture, Instant from, Instant to, String seed, int size) {
        String where = "closed_at IS NOT NULL AND closed_at >= ? AND closed_at < ? AND state = 'CLOSED'"
                + (prefecture == null ? "" : " AND prefecture = ?");
        Sql.Binder bind = ps -> {
            ps.setTimestamp(1, ts(from));
            ps.setTimestamp(2, ts(to));
            if (prefecture != null) {
                ps.setString(3, prefecture);
            }
        };
        List<TicketRow> rows = Sql.query(
                jdbc,
                "SELECT " + COLUMNS + " FROM ticket WHERE " + where + " ORDER BY md5(? || number) LIMIT ?",
                ps -> {
                    bind.bind(ps);
                    int i = prefecture == null ? 3 : 4;
                    ps.setString(i++, seed);
                    ps.setInt(i, size);
                },
                TicketStore::row);
        long total = Sql.query(jdbc, "SELECT COUNT(*) FROM ticket WHERE " + where, bind, rs -> rs.getLong(1))
                .get(0);
        return new Page(rows, total);
    }

    private static int bind(java.sql.PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static TicketRow row(ResultSet rs) throws SQLException {
        Object onTime = rs.getObject(26);
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
                (Boolean) onTime,
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
