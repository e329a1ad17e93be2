package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code shipment}: a cold-chain shipment with the temperature range (°C, inclusive, null = unbounded)
 * fixed when it was registered, and the effective date of the range parameter used.
 */
@MappedEntity("shipment")
public record ShipmentRow(
        @Id String shipmentCode,
        String carrier,
        String productClass,
        @Nullable String batchCode,
        @Nullable BigDecimal minCelsius,
        @Nullable BigDecimal maxCelsius,
        LocalDate rangeFrom,
        Instant registeredAt) {}
