package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code batch_recall}: one recall of a batch, once per request id (append-only). */
@MappedEntity("batch_recall")
public record RecallRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String batchCode,
        String reason,
        String recalledBy,
        Instant recalledAt) {}
