package cn.gov.qinghai.hotline.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One row of the append-only {@code ticket_event} history (key: ticket id and seq). A new event carries seq 0:
 * {@link TicketEventRepository#append} numbers it.
 */
@MappedEntity("ticket_event")
public record EventRow(
        long ticketId,
        int seq,
        String action,
        String event,
        String fromState,
        String toState,
        String actor,
        Instant at,
        String note,
        String agencyId,
        @Nullable String requestId) {}
