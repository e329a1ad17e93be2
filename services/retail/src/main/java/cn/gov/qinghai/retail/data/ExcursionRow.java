package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code excursion}: one spell of a shipment out of its temperature range, unique by shipment and start;
 * {@code endedAt} is null while it is ongoing, the acknowledgement null until a carrier gives it.
 */
@MappedEntity("excursion")
public record ExcursionRow(
        @Id @GeneratedValue Long id,
        String shipmentCode,
        Instant startedAt,
        @Nullable Instant endedAt,
        Instant lastOutAt,
        BigDecimal peakCelsius,
        String direction,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable String acknowledgeNote) {}
