package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.kit.params.ParameterFileException;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.params.PolicyParameter;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Working days on the official holiday calendar: a day is a working day when it is Monday–Friday and not a public
 * holiday, or when it is a Saturday or Sunday adjusted into a working day (调休上班). Each year's calendar is a
 * parameter file {@code holiday_calendar_<year>.yaml} (id {@code enterprise_cost.holiday_calendar.<year>}), so a
 * later year is added as a file. For a year without one, Monday–Friday count and the caller is told the answer is
 * provisional. The files are checked at start-up: a wrong calendar must never be served.
 */
@Singleton
public class WorkingDayCalendar {

    static final String PREFIX = "enterprise_cost.holiday_calendar.";

    /** One year's calendar and the parameter it comes from (for explanations). */
    public record Year(int year, Set<LocalDate> offDays, Set<LocalDate> adjustedWorkdays, ParameterValue source) {}

    private final Map<Integer, Year> years = new HashMap<>();

    public WorkingDayCalendar(ParameterRegistry parameters) {
        for (PolicyParameter p : parameters.all()) {
            if (!p.id().startsWith(PREFIX)) {
                continue;
            }
            int year = Integer.parseInt(p.id().substring(PREFIX.length()));
            ParameterValue v = p.at(LocalDate.of(year, 12, 31));
            Set<LocalDate> off = dates(v, "offDays", year);
            Set<LocalDate> worked = dates(v, "adjustedWorkdays", year);
            for (LocalDate d : worked) {
                if (!isWeekend(d)) {
                    throw new ParameterFileException(
                            p.id() + ": adjusted workday " + d + " is not a Saturday or Sunday");
                }
                if (off.contains(d)) {
                    throw new ParameterFileException(p.id() + ": " + d + " is both a day off and a workday");
                }
            }
            if (!String.valueOf(year).equals(String.valueOf(v.asMap().get("year")))) {
                throw new ParameterFileException(p.id() + ": year field does not match the id");
            }
            years.put(year, new Year(year, Set.copyOf(off), Set.copyOf(worked), v));
        }
    }

    /** The published calendar of {@code year}, if any. */
    public Optional<Year> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public boolean hasCalendar(int year) {
        return years.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        Year y = years.get(day.getYear());
        if (y != null) {
            if (y.offDays().contains(day)) {
                return false;
            }
            if (y.adjustedWorkdays().contains(day)) {
                return true;
            }
        }
        return !isWeekend(day);
    }

    public boolean isPublicHoliday(LocalDate day) {
        Year y = years.get(day.getYear());
        return y != null && y.offDays().contains(day);
    }

    public boolean isAdjustedWorkday(LocalDate day) {
        Year y = years.get(day.getYear());
        return y != null && y.adjustedWorkdays().contains(day);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Set<LocalDate> dates(ParameterValue v, String key, int year) {
        Object raw = v.asMap().get(key);
        if (!(raw instanceof java.util.List<?> list)) {
            throw new ParameterFileException(v.parameter().id() + ": " + key + " must be a list of dates");
        }
        Set<LocalDate> out = new HashSet<>();
        for (Object o : list) {
            LocalDate d = LocalDate.parse(o.toString());
            if (d.getYear() != year) {
                throw new ParameterFileException(v.parameter().id() + ": " + d + " is not in " + year);
            }
            out.add(d);
        }
        return out;
    }
}
