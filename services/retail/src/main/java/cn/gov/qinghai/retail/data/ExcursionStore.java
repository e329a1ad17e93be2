package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The {@code excursion} table: a shipment's spells out of its temperature range, and their acknowledgements. */
@Singleton
public class ExcursionStore {

    /** An excursion with the range of its shipment; {@code endedAt} is null while it is ongoing. */
    public record Row(
            long id,
            String shipmentCode,
            String carrier,
            String productClass,
            BigDecimal minCelsius,
            BigDecimal maxCelsius,
            Instant startedAt,
            Instant endedAt,
            Instant lastOutAt,
            BigDecimal peakCelsius,
            String direction,
            Instant acknowledgedAt,
            String acknowledgedBy) {}

    private static final String SELECT =
            "SELECT e.*, s.carrier, s.product_class, s.min_celsius, s.max_celsius FROM excursion e "
                    + "JOIN shipment s ON s.shipment_code = e.shipment_code WHERE ";
    private static final String ORDER = " ORDER BY e.started_at, e.id";

    private final Sql sql;

    public ExcursionStore(Sql sql) {
        this.sql = sql;
    }

    /** Deletes the shipment's excursions that start at none of {@code starts} (no longer detected). */
    public void deleteOtherThan(String shipmentCode, Collection<Instant> starts) {
        sql.update(
                "DELETE FROM excursion WHERE shipment_code = ? AND NOT (started_at = ANY(?::timestamptz[]))",
                shipmentCode,
                starts.stream().map(Instant::toString).toArray(String[]::new));
    }

    /** Inserts the excursion, or updates the one with the same start (keeping its id and acknowledgement). */
    public void upsert(
            String shipmentCode,
            Instant startedAt,
            Instant endedAt,
            Instant lastOutAt,
            BigDecimal peak,
            String direction) {
        sql.update("""
                INSERT INTO excursion (shipment_code, started_at, ended_at, last_out_at, peak_celsius, direction)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (shipment_code, started_at) DO UPDATE SET ended_at = excluded.ended_at,
                  last_out_at = excluded.last_out_at, peak_celsius = excluded.peak_celsius,
                  direction = excluded.direction""", shipmentCode, startedAt, endedAt, lastOutAt, peak, direction);
    }

    /** The shipment's excursions, oldest first. */
    public List<Row> ofShipment(String shipmentCode) {
        return sql.list(SELECT + "e.shipment_code = ?" + ORDER, ExcursionStore::row, shipmentCode);
    }

    /** The carrier's unacknowledged excursions, oldest first. */
    public List<Row> openOfCarrier(String carrier) {
        return sql.list(SELECT + "s.carrier = ? AND e.acknowledged_at IS NULL" + ORDER, ExcursionStore::row, carrier);
    }

    /** The excursion {@code id} (a list of one), or an empty list. */
    public List<Row> byId(long id) {
        return sql.list(SELECT + "e.id = ?" + ORDER, ExcursionStore::row, id);
    }

    /** Records the acknowledgement unless the excursion was already acknowledged. */
    public void acknowledge(long id, Instant at, String by, String note) {
        sql.update(
                "UPDATE excursion SET acknowledged_at = ?, acknowledged_by = ?, acknowledge_note = ? "
                        + "WHERE id = ? AND acknowledged_at IS NULL",
                at,
                by,
                note,
                id);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("shipment_code"),
                rs.getString("carrier"),
                rs.getString("product_class"),
                rs.getBigDecimal("min_celsius"),
                rs.getBigDecimal("max_celsius"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "ended_at"),
                Sql.instant(rs, "last_out_at"),
                rs.getBigDecimal("peak_celsius"),
                rs.getString("direction"),
                Sql.instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"));
    }
}
