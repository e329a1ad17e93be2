package cn.gov.qinghai.broadband.data;

import java.time.YearMonth;

/** That a project reported for a month, and whether its first report for the month was late. */
public record MonthFlag(long projectId, YearMonth month, boolean late) {}
