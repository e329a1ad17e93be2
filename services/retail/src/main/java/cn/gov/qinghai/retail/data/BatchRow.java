package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code batch}: a traced batch, the batch it was split from (null if none), its producer and the head
 * of its hash-linked event chain ({@code lastSequence} 0 and {@code lastHash} empty before the first event).
 */
@MappedEntity("batch")
public record BatchRow(
        @Id String batchCode,
        String product,
        String quantity,
        @Nullable String parentBatchCode,
        String producer,
        int lastSequence,
        String lastHash) {}
