package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The due date of a matter: the N-th working day after the day it was received (the day of receipt does not
 * count), on the official holiday calendar including adjusted weekend workdays. N is 15 by default: enterprise
 * investment-project approvals "缩短至15个工作日" (青政〔2017〕42号 八(四), 青政〔2017〕43号 一(一)); parameter
 * {@code enterprise_cost.approval_time_limit}. The platform's subsidy applications use the same count under a
 * documented local rule ({@code enterprise_cost.subsidy_application_time_limit}), not under those clauses.
 */
@Singleton
public class ApprovalDeadline {

    private final ParameterRegistry parameters;
    private final WorkingDayCalendar calendar;

    public ApprovalDeadline(ParameterRegistry parameters, WorkingDayCalendar calendar) {
        this.parameters = parameters;
        this.calendar = calendar;
    }

    /** A computed due date with what the count went through. */
    public record Due(
            LocalDate receivedOn,
            int workingDays,
            LocalDate dueOn,
            boolean provisional,
            List<LocalDate> holidaysSkipped,
            List<LocalDate> adjustedWorkdaysCounted,
            Explanation explanation) {}

    public static final String INVESTMENT_PROJECT_LIMIT = "enterprise_cost.approval_time_limit";
    public static final String SUBSIDY_APPLICATION_LIMIT = "enterprise_cost.subsidy_application_time_limit";
    private static final String DAYS = "maxWorkingDaysInclusive";

    /** The statutory limit for investment-project approvals in force on {@code receivedOn} (15 working days). */
    public ParameterValue limit(LocalDate receivedOn) {
        return parameters.get(INVESTMENT_PROJECT_LIMIT).at(receivedOn);
    }

    /** Due date of an investment-project approval, with the statutory limit in force on the day received. */
    public Due due(LocalDate receivedOn) {
        ParameterValue limit = limit(receivedOn);
        return due(receivedOn, limit.decimal(DAYS).intValueExact(), limit);
    }

    /** Due date of a subsidy application under the platform's local rule in force on the day received. */
    public Due dueForSubsidyApplication(LocalDate receivedOn) {
        ParameterValue limit = parameters.get(SUBSIDY_APPLICATION_LIMIT).at(receivedOn);
        Due due = due(receivedOn, limit.decimal(DAYS).intValueExact(), limit);
        Explanation withCaveat = due.explanation().toBuilder()
                .addCaveats("补贴申请的办理时限是本平台本地规则，"
                        + "不是青政〔2017〕42号 八(四)、43号 一(一)（其15个工作日适用于企业投资项目审批）。 / The time limit of subsidy"
                        + " applications is a local rule of the platform; 42号 八(四) and 43号 一(一) set 15 working days for"
                        + " enterprise investment-project approvals.")
                .build();
        return new Due(
                due.receivedOn(),
                due.workingDays(),
                due.dueOn(),
                due.provisional(),
                due.holidaysSkipped(),
                due.adjustedWorkdaysCounted(),
                withCaveat);
    }

    /** Due date {@code workingDays} working days after {@code receivedOn}. */
    public Due due(LocalDate receivedOn, int workingDays, ParameterValue limitOrNull) {
        List<LocalDate> skipped = new ArrayList<>();
        List<LocalDate> adjusted = new ArrayList<>();
        TreeSet<Integer> uncoveredYears = new TreeSet<>();
        LocalDate day = receivedOn;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (!calendar.hasCalendar(day.getYear())) {
                uncoveredYears.add(day.getYear());
            }
            if (calendar.isWorkingDay(day)) {
                counted++;
                if (calendar.isAdjustedWorkday(day)) {
                    adjusted.add(day);
                }
            } else if (calendar.isPublicHoliday(day) && !WorkingDayCalendar.isWeekend(day)) {
                skipped.add(day);
            }
        }
        ExplanationBuilder why = new ExplanationBuilder();
        ExplanationBuilder.Step step = why.step("期限 / Time limit").formula("workingDays (at most, inclusive)");
        if (limitOrNull != null) {
            step.parameter(limitOrNull.field(DAYS)).cite(limitOrNull.citation());
        } else {
            step.input("workingDays", workingDays);
        }
        step.result(workingDays).add();
        ExplanationBuilder.Step count = why.step("计算到期日 / Counting working days")
                .formula(
                        "dueOn = the workingDays-th working day after receivedOn (receivedOn itself not counted); a "
                                + "working day is Monday–Friday and not a public holiday, or an adjusted Saturday/Sunday workday")
                .input("receivedOn", receivedOn)
                .input("holidaysSkipped", skipped.toString())
                .input("adjustedWorkdaysCounted", adjusted.toString());
        for (int year = receivedOn.getYear(); year <= day.getYear(); year++) {
            calendar.year(year).ifPresent(y -> count.parameter(y.source()));
        }
        count.result(day).add();
        for (Integer y : uncoveredYears) {
            why.caveat("尚未载入" + y + "年节假日安排，该年按周一至周五计算，到期日为暂定。 / No official holiday calendar for " + y
                    + " is loaded: Monday–Friday were counted, so the due date is provisional.");
        }
        return new Due(
                receivedOn,
                workingDays,
                day,
                !uncoveredYears.isEmpty(),
                List.copyOf(skipped),
                List.copyOf(adjusted),
                why.build());
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
