package cn.gov.qinghai.broadband.rules;

import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reporting calendar of 实施方案 四(四) ("每月向全省公布工作开展情况") and the plan year of 一(一), from the parameter
 * {@code broadband.reporting}: which months are reportable, which are expected (missing when unreported), and when a
 * month's report is due. The decisions behind the figures are in the parameter file.
 */
@Singleton
public class ReportingRules {

    public static final String PARAMETER = "broadband.reporting";
    /** Policy dates are Beijing dates. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ParameterValue value;
    private final int planYear;
    private final YearMonth firstReportingMonth;
    private final int dueDay;

    public ReportingRules(ParameterRegistry parameters) {
        // One dated entry (the notice of 2017-05-18) governs the whole plan year.
        this.value = parameters.get(PARAMETER).at(LocalDate.of(2017, 12, 31));
        this.planYear = value.decimal("planYear").intValueExact();
        this.firstReportingMonth =
                YearMonth.parse(value.asMap().get("firstReportingMonth").toString());
        this.dueDay = value.decimal("dueByDayOfFollowingMonthInclusive").intValueExact();
    }

    public ParameterValue parameter() {
        return value;
    }

    public Citation citation() {
        return value.citation();
    }

    public int planYear() {
        return planYear;
    }

    public YearMonth firstReportingMonth() {
        return firstReportingMonth;
    }

    public YearMonth firstMonth() {
        return YearMonth.of(planYear, 1);
    }

    public YearMonth lastMonth() {
        return YearMonth.of(planYear, 12);
    }

    public boolean inPlanYear(YearMonth month) {
        return month.getYear() == planYear;
    }

    /** The last day on which a month's report is on time: day {@code dueDay} of the following month. */
    public LocalDate dueDate(YearMonth month) {
        return month.plusMonths(1).atDay(dueDay);
    }

    /** A report made at {@code at} for {@code month} is late when made after the end of the due date (Beijing). */
    public boolean isLate(YearMonth month, java.time.Instant at) {
        ZonedDateTime endOfDue = dueDate(month).plusDays(1).atStartOfDay(CHINA);
        return !at.isBefore(endOfDue.toInstant());
    }

    /** Months from the first reporting month to {@code upTo}, inclusive; empty before the first reporting month. */
    public List<YearMonth> expectedMonths(YearMonth upTo) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = firstReportingMonth; !m.isAfter(upTo); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    public BigDecimal promisedInvestmentYi() {
        return value.decimal("promisedInvestmentYi");
    }

    public int promisedProjectCount() {
        return value.decimal("promisedProjectCount").intValueExact();
    }

    /** 附件3 owner spelling → 附件2 owner spelling, where they differ. */
    @SuppressWarnings("unchecked")
    public Map<String, String> ownerAliases() {
        Object m = value.asMap().get("ownerAliases");
        return m == null ? Map.of() : (Map<String, String>) m;
    }
}
