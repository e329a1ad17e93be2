package cn.gov.qinghai.hotline.data;

import java.time.Instant;

/** One row of {@code ticket}: the current state of a ticket. Enum-valued columns hold the proto enum names. */
public record TicketRow(
        long id,
        String number,
        String requestId,
        String payloadHash,
        String state,
        String region,
        String prefecture,
        String categoryCode,
        String channel,
        String hotline,
        String handOff,
        String agencyId,
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
        Instant acceptedAt,
        Instant resolvedAt,
        Boolean resolvedOnTime,
        Instant closedAt,
        String result,
        String feedback,
        int reopenCount,
        long version,
        byte[] classification) {}
