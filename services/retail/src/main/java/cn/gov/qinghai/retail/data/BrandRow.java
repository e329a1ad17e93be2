package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code brand}: one 青海老字号 recognition, unique by certificate number. */
@MappedEntity("brand")
public record BrandRow(
        @Id @GeneratedValue Long id,
        String enterpriseCreditCode,
        String brand,
        String certificateNumber,
        LocalDate recognisedOn,
        boolean online,
        String recordedBy,
        Instant recordedAt) {}
