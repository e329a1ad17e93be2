package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code trace_event}: one signed, hash-linked event of a batch (append-only). The table's key is
 * (batch_code, sequence); {@code request_id} is unique too, and is the id here since every look-up of one event is by
 * it. {@code type} is a {@code TraceEventType} name; {@code counterparty}, {@code outletId} and
 * {@code parentBatchCode} are null when none.
 */
@MappedEntity("trace_event")
public record TraceEventRow(
        String batchCode,
        int sequence,
        @Id String requestId,
        String type,
        Instant occurredAt,
        String actor,
        @Nullable String counterparty,
        @Nullable Long outletId,
        String product,
        String quantity,
        @Nullable String parentBatchCode,
        String hash,
        String previousHash,
        String signature,
        String keyId,
        Instant recordedAt) {}
