package cn.gov.qinghai.broadband.data;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A project's effective figure as of a month: the latest revision of its latest reported month. */
public record LatestFigure(
        long projectId,
        YearMonth month,
        BigDecimal cumulativeYuan,
        String status,
        BigDecimal physicalProgressPercent) {}
