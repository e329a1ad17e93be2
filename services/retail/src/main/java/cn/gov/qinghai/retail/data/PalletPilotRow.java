package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code pallet_pilot}: an enrolled enterprise's latest pallet inventory. */
@MappedEntity("pallet_pilot")
public record PalletPilotRow(
        @Id String enterpriseCreditCode,
        String sector,
        long totalPallets,
        long standardPallets,
        String enrolledBy,
        Instant enrolledAt) {}
