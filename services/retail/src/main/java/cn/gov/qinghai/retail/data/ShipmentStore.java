package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.retail.v1.Shipment;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The {@code shipment} table: cold-chain shipments with the temperature range fixed when they were registered. */
@Singleton
public class ShipmentStore {

    /** A shipment's range as registered: its product class and inclusive bounds in °C. */
    public record Range(String productClass, BigDecimal min, BigDecimal max) {}

    private final Sql sql;

    public ShipmentStore(Sql sql) {
        this.sql = sql;
    }

    /** Whether the shipment was new (false: the code is already registered). */
    public boolean insert(
            String code,
            String carrier,
            String productClass,
            String batch,
            BigDecimal min,
            BigDecimal max,
            LocalDate rangeFrom,
            Instant at) {
        return sql.update("""
                INSERT INTO shipment (shipment_code, carrier, product_class, batch_code, min_celsius, max_celsius,
                                      range_from, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_code) DO NOTHING""", code, carrier, productClass, batch, min, max, rangeFrom, at) > 0;
    }

    public Optional<Shipment> byCode(String code) {
        return sql.one(
                "SELECT * FROM shipment WHERE shipment_code = ?",
                rs -> Shipment.newBuilder()
                        .setShipmentCode(rs.getString("shipment_code"))
                        .setCarrier(rs.getString("carrier"))
                        .setProductClass(rs.getString("product_class"))
                        .setBatchCode(
                                Optional.ofNullable(rs.getString("batch_code")).orElse(""))
                        .setMinCelsius(plain(rs.getBigDecimal("min_celsius")))
                        .setMaxCelsius(plain(rs.getBigDecimal("max_celsius")))
                        .setRegisteredAt(Sql.text(Sql.instant(rs, "registered_at")))
                        .build(),
                code);
    }

    /** The carrier of the shipment, or empty when no such shipment is registered. */
    public Optional<String> carrier(String code) {
        return sql.one("SELECT carrier FROM shipment WHERE shipment_code = ?", rs -> rs.getString(1), code);
    }

    /** The shipment's range, locking its row until commit so that re-detections of one shipment run one at a time. */
    public Optional<Range> rangeForUpdate(String code) {
        return sql.one(
                "SELECT min_celsius, max_celsius, product_class FROM shipment WHERE shipment_code = ? FOR UPDATE",
                rs -> new Range(rs.getString(3), rs.getBigDecimal(1), rs.getBigDecimal(2)),
                code);
    }

    /** A decimal as API text without trailing zeros ("2", "-18.5"), or empty when absent. */
    public static String plain(BigDecimal d) {
        if (d == null) {
            return "";
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
