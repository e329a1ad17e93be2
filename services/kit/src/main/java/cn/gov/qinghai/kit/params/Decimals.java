package cn.gov.qinghai.kit.params;

import java.math.BigDecimal;

/** Reads decimal strings from parameter files; YAML floats are refused because they are not exact. */
final class Decimals {
    private Decimals() {}

    static BigDecimal of(Object raw, String where) {
        if (raw instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new ParameterFileException(where + ": '" + s + "' is not a decimal", e);
            }
        }
        throw new ParameterFileException(where + ": expected a quoted decimal string, found " + raw);
    }
}
