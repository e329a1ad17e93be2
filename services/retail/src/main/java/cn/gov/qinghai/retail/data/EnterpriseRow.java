package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code enterprise}: a registered retail enterprise, keyed by its credit code. */
@MappedEntity("enterprise")
public record EnterpriseRow(
        @Id String creditCode,
        String name,
        String region,
        boolean chain,
        String hqLicenceNumber,
        String registeredBy,
        Instant registeredAt) {}
