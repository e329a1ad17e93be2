package cn.gov.qinghai.broadband.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** A row of {@code actual_value}: a monthly actual of an indicator or a consumption-tree node. */
public record ActualRow(
        long id,
        String requestId,
        String kind,
        String subjectId,
        YearMonth month,
        int revision,
        BigDecimal value,
        String note,
        String recordedBy,
        Instant recordedAt) {}
