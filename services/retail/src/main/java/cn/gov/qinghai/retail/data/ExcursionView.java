package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;

/** An excursion with its shipment's carrier and range; {@code endedAt} is null while it is ongoing. */
@Introspected
public record ExcursionView(
        long id,
        String shipmentCode,
        String carrier,
        String productClass,
        @Nullable BigDecimal minCelsius,
        @Nullable BigDecimal maxCelsius,
        Instant startedAt,
        @Nullable Instant endedAt,
        Instant lastOutAt,
        BigDecimal peakCelsius,
        String direction,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy) {}
