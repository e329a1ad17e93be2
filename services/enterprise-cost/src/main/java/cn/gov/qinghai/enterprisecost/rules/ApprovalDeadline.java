package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.common.v1.Explanation;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The due date of a matter: the N-th working day after the day it was received (the day of receipt does not
 * count), on the official holiday calendar including adjusted weekend workdays. N is 15 by default: approvals
 * "within 15 working days" (青政〔2017〕42号 八(四), 青政〔2017〕43号 一(一)); parameter
 * {@code enterprise_cost.approval_time_limit}.
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
    public record Due(LocalDate receivedOn, int workingDays, LocalDate dueOn, boolean provisional,
                      List<LocalDate> holidaysSkipped, List<LocalDate> adjustedWorkdaysCounted,
                      Explanation explanation) {
    }

    /** The statutory limit in force on {@code receivedOn} (15 working days). */
    public ParameterValue limit(LocalDate receivedOn) {
        return parameters.get("enterprise_cost.approval_time_limit").at(receivedOn);
    }

    /** Due date with the statutory limit in force on the day received. */
    public Due due(LocalDate receivedOn) {
        ParameterValue limit = limit(receivedOn);
        return due(receivedOn, limit.decimal("workingDays").intValueExact(), limit);
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
        ExplanationBuilder.Step step = why.step("期限 / Time limit").formula("workingDays");
        if (limitOrNull != null) {
            step.parameter(limitOrNull.field("workingDays")).cite(limitOrNull.citation());
        } else {
            step.input("workingDays", workingDays);
        }
        step.result(workingDays).add();
        ExplanationBuilder.Step count = why.step("计算到期日 / Counting working days")
                .formula("dueOn = the workingDays-th working day after receivedOn (receivedOn itself not counted); a "
                        + "working day is Monday–Friday and not a public holiday, or an adjusted Saturday/Sunday workday")
                .input("receivedOn", receivedOn)
                .input("holidaysSkipped", skipped.toString())
                .input("adjustedWorkdaysCounted", adjusted.toString());
        for (int year = receivedOn.getYear(); year <= day.getYear(); year++) {
            calendar.year(year).ifPresent(y -> count.parameter(y.source()));
        }
        count.result(day).add();
        for (Integer y : uncoveredYears) {
            why.caveat("尚未载入" + y + "年节假日安排，该年按周一至周五计算，到期日为暂定。 / No official holiday calendar for "
                    + y + " is loaded: Monday–Friday were counted, so the due date is provisional.");
        }
        return new Due(receivedOn, workingDays, day, !uncoveredYears.isEmpty(), List.copyOf(skipped),
                List.copyOf(adjusted), why.build());
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
