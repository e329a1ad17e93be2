package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Introspected;
import java.time.LocalDate;

/** A recognition as listed: the {@code brand} row with its enterprise's name. */
@Introspected
public record BrandListing(
        long id,
        String enterpriseCreditCode,
        String enterpriseName,
        String brand,
        String certificateNumber,
        LocalDate recognisedOn,
        boolean online) {}
