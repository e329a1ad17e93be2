package cn.gov.qinghai.broadband.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A row of {@code actual_value}: a monthly actual of an indicator or a consumption-tree node (append-only). The value
 * reads without the column's trailing zeros ("12.5", not "12.5000").
 */
@MappedEntity("actual_value")
public record ActualRow(
        @Id @GeneratedValue @Nullable Long id,
        String requestId,
        String kind,
        String subjectId,

        @MappedProperty(type = DataType.DATE, converter = MonthColumn.class)
        YearMonth month,

        int revision,
        BigDecimal value,
        String note,
        String recordedBy,
        Instant recordedAt) {

    public static final String INDICATOR = "INDICATOR";
    public static final String CONSUMPTION = "CONSUMPTION";

    public ActualRow {
        value = value.stripTrailingZeros();
    }
}
