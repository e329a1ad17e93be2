package cn.gov.qinghai.hotline.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link TicketRepository} cannot express over {@code ticket}: lists whose filters are chosen at run time
 * ({@link TicketFilter}), each with its total count, and the seeded random sample. Callers own the transaction.
 */
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
