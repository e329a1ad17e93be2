package cn.gov.qinghai.broadband.data;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A reporting month stored as its first day ({@code date} columns {@code month}, CHECK day = 1). Written as a
 * {@link LocalDate}; read as whatever the driver returns for a {@code date} ({@link java.sql.Date} when Micronaut
 * Data reads the column as an object), hence {@code Object}.
 */
@Singleton
public class MonthColumn implements AttributeConverter<YearMonth, Object> {

    @Override
    public Object convertToPersistedValue(YearMonth month, ConversionContext context) {
        return month == null ? null : date(month);
    }

    @Override
    public YearMonth convertToEntityValue(Object day, ConversionContext context) {
        if (day instanceof java.sql.Date d) {
            return YearMonth.from(d.toLocalDate());
        }
        return day == null ? null : YearMonth.from((LocalDate) day);
    }

    /** The stored form of a month, for query parameters that are not the {@code month} property itself. */
    public static LocalDate date(YearMonth month) {
        return month.atDay(1);
    }
}
