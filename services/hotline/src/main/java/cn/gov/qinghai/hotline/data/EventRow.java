package cn.gov.qinghai.hotline.data;

import java.time.Instant;

/** One row of the append-only {@code ticket_event} history. */
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
        String requestId) {}
