package cn.gov.qinghai.hotline.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One row of {@code ticket}: the current state of a ticket. Enum-valued columns hold the proto enum names. New
 * tickets are stored by {@link TicketRepository#insertIfNew} (column by column) and read back.
 */
@MappedEntity("ticket")
public record TicketRow(
        @Id @GeneratedValue long id,
        String number,
        String requestId,
        String payloadHash,
        String state,
        String region,
        String prefecture,
        @Nullable String categoryCode,
        String channel,
        String hotline,
        String handOff,
        @Nullable String agencyId,
        String description,
        String address,
        String latitude,
        String longitude,
        String callerPhone,
        String source,
        Instant receivedAt,
        int acceptLimitHours,
        int resolveLimitHours,
        Instant acceptDueAt,
        Instant resolveDueAt,
        @Nullable Instant acceptedAt,
        @Nullable Instant resolvedAt,
        @Nullable Boolean resolvedOnTime,
        @Nullable Instant closedAt,
        String result,
        String feedback,
        int reopenCount,
        long version,
        byte[] classification) {}
