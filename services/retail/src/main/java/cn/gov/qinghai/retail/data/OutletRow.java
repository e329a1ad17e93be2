package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code outlet}: an outlet registered or filed by an enterprise, created once per request id;
 * {@code licenceMode} is a {@code LicenceMode} name.
 */
@MappedEntity("outlet")
public record OutletRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String enterpriseCreditCode,
        String name,
        String region,
        String format,
        String address,
        String licenceMode,
        String licenceNumber,
        String status,
        String registeredBy,
        Instant registeredAt) {}
