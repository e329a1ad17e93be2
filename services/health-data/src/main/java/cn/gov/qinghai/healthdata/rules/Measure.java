package cn.gov.qinghai.healthdata.rules;

import cn.gov.qinghai.health.v1.MeasurementKind;
import java.math.BigDecimal;

/**
 * The measurements a health-record entry may hold, each with its fixed UCUM unit and the range of physiologically
 * possible values that the edge accepts (a typing error such as 1480 mmHg is refused, not stored). These are
 * plausibility bounds of the data standard (80号 二(一)1), not policy figures.
 */
public enum Measure {
    SYSTOLIC_BLOOD_PRESSURE("mm[Hg]", "40", "300"),
    DIASTOLIC_BLOOD_PRESSURE("mm[Hg]", "20", "200"),
    HEART_RATE("/min", "20", "300"),
    BODY_TEMPERATURE("Cel", "30", "45"),
    BODY_WEIGHT("kg", "0.2", "400"),
    BODY_HEIGHT("cm", "20", "260"),
    FASTING_BLOOD_GLUCOSE("mmol/L", "0.5", "50");

    private final String ucum;
    private final BigDecimal min;
    private final BigDecimal max;

    Measure(String ucum, String min, String max) {
        this.ucum = ucum;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
    }

    public String ucum() {
        return ucum;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    public static Measure of(MeasurementKind kind) {
        return valueOf(kind.name());
    }
}
