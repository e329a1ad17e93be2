package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/**
 * A row of {@code service_point}: a rural service point or parcel locker, created once per request id;
 * {@code kind} is a {@code ServicePointKind} name, {@code services} a {@code text[]}.
 */
@MappedEntity("service_point")
public record ServicePointRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String kind,
        String operatorCreditCode,
        String townshipCode,
        String townshipName,
        String village,
        @TypeDef(type = DataType.STRING_ARRAY) String[] services,
        String registeredBy,
        Instant registeredAt) {}
