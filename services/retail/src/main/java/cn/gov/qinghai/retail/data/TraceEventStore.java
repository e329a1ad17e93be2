package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.retail.v1.ReachedParty;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.util.List;

/**
 * What {@link TraceEventRepository} cannot express over {@code trace_event}: the advisory lock on a recording's request
 * id, and the recall-reach walk (a recursive CTE over shipments and splits).
 */
@Singleton
public class TraceEventStore {

    /** Advisory-lock space of request ids (two concurrent retries: the second waits, then replays the first). */
    private static final long REQUEST_LOCK = 0x5251L;

    private final Sql sql;

    public TraceEventStore(Sql sql) {
        this.sql = sql;
    }

    /** Serialises recordings under one request id until commit, so a concurrent retry replays the first. */
    public void lockRequest(String requestId) {
        sql.lock(REQUEST_LOCK, requestId);
    }

    /**
     * Every party that received the batch or a batch split from it, with its distance in shipment hops from the
     * producer: a recursive walk over RECEIVED edges (shipper → receiver, one hop) and splits (parent batch →
     * child batch at the same holder, no hop), the edges first narrowed to the batch's family.
     */
    public List<ReachedParty> reach(String batch) {
        return sql.list(
                """
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
                ORDER BY hops, rc.party, rc.batch_code""",
                rs -> {
                    ReachedParty.Builder p = ReachedParty.newBuilder()
                            .setParty(rs.getString("party"))
                            .setBatchCode(rs.getString("batch_code"))
                            .setHops(rs.getInt("hops"))
                            .setFirstReceivedAt(Sql.text(Sql.instant(rs, "first_received")))
                            .setName(rs.getString("name"));
                    Array outlets = rs.getArray("outlets");
                    for (Object id : (Object[]) outlets.getArray()) {
                        p.addOutletIds(((Number) id).longValue());
                    }
                    return p.build();
                },
                batch,
                batch);
    }
}
