package cn.gov.qinghai.dibao.data;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/**
 * A row of the append-only {@code case_history} or {@code intake_report_history} (the same columns): read by the
 * history queries of {@link CaseRepository} and {@link IntakeReportRepository}.
 */
@Introspected
public record HistoryRow(
        int sequence, String action, String fromStatus, String toStatus, String actor, Instant at, String note) {}
