package cn.gov.qinghai.dibao.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.sql.ColumnTransformer;
import java.time.Instant;

/**
 * A row of the append-only {@code intake_report_submission}: one submission of a report with its idempotency key,
 * payload hash and the snapshot as submitted (JSON, cast to jsonb on insert).
 */
@MappedEntity("intake_report_submission")
public record IntakeReportSubmissionRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String payloadHash,
        long reportId,
        int revision,

        @MappedProperty("contents") @ColumnTransformer(write = "CAST(? AS jsonb)")
        String contentsJson,

        String submittedBy,
        Instant submittedAt) {}
