package cn.gov.qinghai.retail.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code subsidy_application_history}: one status change; {@code fromStatus} is null for the submission. */
@MappedEntity("subsidy_application_history")
public record SubsidyApplicationHistoryRow(
        @Id @GeneratedValue Long id,
        long applicationId,
        @Nullable String fromStatus,
        String toStatus,
        String actor,
        String note,
        Instant at) {}
