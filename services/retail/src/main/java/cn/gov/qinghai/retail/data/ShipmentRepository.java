package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Cold-chain shipments, keyed by shipment code. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ShipmentRepository extends GenericRepository<ShipmentRow, String> {

    /** Registers the shipment: 1, or 0 when the code is already registered. */
    @Query("""
            INSERT INTO shipment (shipment_code, carrier, product_class, batch_code, min_celsius, max_celsius,
                                  range_from, registered_at)
            VALUES (:shipmentCode, :carrier, :productClass, :batchCode, :minCelsius, :maxCelsius, :rangeFrom,
                    :registeredAt)
            ON CONFLICT (shipment_code) DO NOTHING""")
    int insertIfAbsent(
            String shipmentCode,
            String carrier,
            String productClass,
            @Nullable String batchCode,
            @Nullable BigDecimal minCelsius,
            @Nullable BigDecimal maxCelsius,
            LocalDate rangeFrom,
            Instant registeredAt);

    Optional<ShipmentRow> findById(String shipmentCode);

    /** The carrier of the shipment, or empty when no such shipment is registered. */
    Optional<String> findCarrierById(String shipmentCode);

    /** The shipment, its row locked until commit so that re-detections of one shipment run one at a time. */
    Optional<ShipmentRow> findByIdForUpdate(String shipmentCode);
}
