package cn.gov.qinghai.dibao.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code intake_report}: a township's monthly report and its current state; contents the snapshot of the
 * latest submission (IntakeReport JSON, read as its text). State changes go through the version-checked updates of
 * {@link IntakeReportRepository}.
 */
@MappedEntity("intake_report")
public record IntakeReportRow(
        @Id @GeneratedValue long id,
        String county,
        String township,
        LocalDate month,
        String status,
        long version,
        int revision,
        @MappedProperty("contents") String contentsJson,
        String requestId,
        String submittedBy,
        Instant submittedAt,
        @Nullable String approvedBy,
        @Nullable Instant filedAt) {}
