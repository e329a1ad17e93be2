package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A shipment's excursions out of its temperature range, merged by re-detection, and their acknowledgements. Reads
 * come with the shipment's carrier and range ({@link ExcursionView}), oldest first.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ExcursionRepository extends GenericRepository<ExcursionRow, Long> {

    String VIEW = "SELECT e.id, e.shipment_code, s.carrier, s.product_class, s.min_celsius, s.max_celsius,"
            + " e.started_at, e.ended_at, e.last_out_at, e.peak_celsius, e.direction, e.acknowledged_at,"
            + " e.acknowledged_by FROM excursion e JOIN shipment s ON s.shipment_code = e.shipment_code ";

    /**
     * Deletes the shipment's excursions that start at none of {@code starts} (ISO-8601 instants; no longer
     * detected).
     */
    @Query("""
            DELETE FROM excursion
             WHERE shipment_code = :shipmentCode AND NOT (started_at = ANY(CAST(:starts AS timestamptz[])))""")
    void deleteOtherThan(String shipmentCode, @TypeDef(type = DataType.STRING_ARRAY) String[] starts);

    /** Inserts the excursion, or updates the one with the same start (keeping its id and acknowledgement). */
    @Query("""
            INSERT INTO excursion (shipment_code, started_at, ended_at, last_out_at, peak_celsius, direction)
            VALUES (:shipmentCode, :startedAt, :endedAt, :lastOutAt, :peakCelsius, :direction)
            ON CONFLICT (shipment_code, started_at) DO UPDATE SET ended_at = excluded.ended_at,
              last_out_at = excluded.last_out_at, peak_celsius = excluded.peak_celsius,
              direction = excluded.direction""")
    void merge(
            String shipmentCode,
            Instant startedAt,
            @Nullable Instant endedAt,
            Instant lastOutAt,
            BigDecimal peakCelsius,
            String direction);

    /** The shipment's excursions, oldest first. */
    @Query(value = VIEW + "WHERE e.shipment_code = :shipmentCode ORDER BY e.started_at, e.id", nativeQuery = true)
    List<ExcursionView> ofShipment(String shipmentCode);

    /** The carrier's unacknowledged excursions, oldest first. */
    @Query(
            value = VIEW + "WHERE s.carrier = :carrier AND e.acknowledged_at IS NULL ORDER BY e.started_at, e.id",
            nativeQuery = true)
    List<ExcursionView> openOfCarrier(String carrier);

    @Query(value = VIEW + "WHERE e.id = :id", nativeQuery = true)
    Optional<ExcursionView> view(Long id);

    /** Records the acknowledgement unless the excursion was already acknowledged. */
    @Query("""
            UPDATE excursion SET acknowledged_at = :at, acknowledged_by = :by, acknowledge_note = :note
             WHERE id = :id AND acknowledged_at IS NULL""")
    void acknowledge(Long id, Instant at, String by, String note);
}
