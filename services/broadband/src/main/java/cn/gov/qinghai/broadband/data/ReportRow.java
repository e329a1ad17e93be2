package cn.gov.qinghai.broadband.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** A row of {@code progress_report}: one revision of a project's report for a month. */
public record ReportRow(
        long id,
        String requestId,
        long projectId,
        YearMonth month,
        int revision,
        BigDecimal cumulativeYuan,
        String status,
        BigDecimal physicalProgressPercent,
        String note,
        String correctionReason,
        boolean correction,
        boolean beyondPlan,
        boolean late,
        String reportedBy,
        Instant reportedAt,
        boolean superseded) {}
