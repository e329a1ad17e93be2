package cn.gov.qinghai.retail.rules;

import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The temperature range a product class must be kept in (青政办〔2017〕85号 二(四): 全程冷链、全程监控). The figures are
 * parameters ({@code cold_chain_ranges.yaml}); a {@code null} bound is unbounded.
 *
 * @param productClass class code, e.g. "frozen"
 * @param min          lowest allowed °C inclusive, or {@code null}
 * @param max          highest allowed °C inclusive, or {@code null}
 * @param source       the parameter value the range comes from
 */
public record TemperatureRange(String productClass, BigDecimal min, BigDecimal max, ParameterValue source) {

    /** The range of {@code productClass} on {@code date}, or empty when the class is unknown. */
    @SuppressWarnings("unchecked")
    public static Optional<TemperatureRange> of(RetailParameters parameters, String productClass, LocalDate date) {
        ParameterValue v = parameters.value(RetailParameters.COLD_CHAIN, date);
        Map<String, Object> classes = (Map<String, Object>) v.asMap().get("classes");
        if (!(classes.get(productClass) instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        return Optional.of(new TemperatureRange(
                productClass, bound(m.get("minCelsiusInclusive")), bound(m.get("maxCelsiusInclusive")), v));
    }

    /** Whether {@code celsius} lies inside the range (bounds inclusive). */
    public boolean contains(BigDecimal celsius) {
        return (min == null || celsius.compareTo(min) >= 0) && (max == null || celsius.compareTo(max) <= 0);
    }

    public String describe() {
        return (min == null ? "−∞" : min.toPlainString()) + " °C … " + (max == null ? "+∞" : max.toPlainString())
                + " °C";
    }

    private static BigDecimal bound(Object raw) {
        return raw == null ? null : new BigDecimal(raw.toString());
    }
}
