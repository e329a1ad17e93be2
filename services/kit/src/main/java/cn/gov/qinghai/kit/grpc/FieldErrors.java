package cn.gov.qinghai.kit.grpc;

import cn.gov.qinghai.kit.region.Regions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every invalid field of a request, so the caller hears about all of them at once (AIP-193), then
 * {@link #throwIfAny()}. Parsers return {@code null} for an invalid or absent value after recording why.
 */
public final class FieldErrors {

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter YEAR_MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    /** Longest text accepted in any free-text field unless a field says otherwise. */
    public static final int MAX_TEXT = 2000;

    private final List<FieldViolation> violations;
    private final String prefix;

    public FieldErrors() {
        this(new ArrayList<>(), "");
    }

    private FieldErrors(List<FieldViolation> violations, String prefix) {
        this.violations = violations;
        this.prefix = prefix;
    }

    /** A view that prefixes field names, e.g. {@code at("records[3]")} records {@code records[3].grossPay}. */
    public FieldErrors at(String path) {
        return new FieldErrors(violations, prefix + path + ".");
    }

    public void add(String field, String description) {
        violations.add(new FieldViolation(prefix + field, description));
    }

    /** Records a violation when {@code ok} is false; returns {@code ok}. */
    public boolean check(boolean ok, String field, String description) {
        if (!ok) {
            add(field, description);
        }
        return ok;
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public int size() {
        return violations.size();
    }

    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    /** Throws INVALID_ARGUMENT listing every recorded violation, if any. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw ServiceException.invalid(violations);
        }
    }

    /** A required non-blank text of at most {@code maxLength} characters. */
    public String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalText(field, value, maxLength);
    }

    /** An optional text of at most {@code maxLength} characters; empty becomes {@code null}. */
    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            add(field, "must not contain control characters");
            return null;
        }
        return value;
    }

    /** A required ISO-8601 calendar date (yyyy-MM-dd); impossible dates such as 2017-02-30 are refused. */
    public LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required (ISO date yyyy-MM-dd)");
            return null;
        }
        return optionalDate(field, value);
    }

    public LocalDate optionalDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value, ISO_DATE);
            if (d.getYear() < 1900 || d.getYear() > 2200) {
                add(field, "must be a date between 1900 and 2200");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            add(field, "must be a calendar date in ISO format yyyy-MM-dd, found '" + clip(value) + "'");
            return null;
        }
    }

    /** A required month, yyyy-MM. */
    public YearMonth yearMonth(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required (yyyy-MM)");
            return null;
        }
        try {
            YearMonth ym = YearMonth.parse(value, YEAR_MONTH);
            if (ym.getYear() < 1900 || ym.getYear() > 2200) {
                add(field, "must be a month between 1900 and 2200");
                return null;
            }
            return ym;
        } catch (DateTimeParseException e) {
            add(field, "must be a month in the format yyyy-MM, found '" + clip(value) + "'");
            return null;
        }
    }

    /** A required decimal string within {@code rule}. */
    public BigDecimal decimal(String field, String value, DecimalRule rule) {
        if (value == null || value.isBlank()) {
            add(field, "is required (a decimal number as a string)");
            return null;
        }
        return optionalDecimal(field, value, rule);
    }

    /** An optional decimal string; absent or empty gives {@code null} without a violation. */
    public BigDecimal optionalDecimal(String field, String value, DecimalRule rule) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 40 || !DECIMAL.matcher(value.trim()).matches()) {
            add(field, "must be a decimal number such as 1500.00, found '" + clip(value) + "'");
            return null;
        }
        BigDecimal d = new BigDecimal(value.trim());
        String problem = rule.problem(d);
        if (problem != null) {
            add(field, problem);
            return null;
        }
        return d;
    }

    /** A required region code: the province (630000) or one of the eight prefecture-level codes. */
    public String provinceOrPrefecture(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required (GB/T 2260 code such as 630100)");
            return null;
        }
        if (!Regions.isProvinceOrPrefecture(value)) {
            add(
                    field,
                    "must be 630000 or a prefecture-level code of Qinghai (630100, 630200, 632200, 632300, "
                            + "632500, 632600, 632700, 632800), found '" + clip(value) + "'");
            return null;
        }
        return value;
    }

    /** A required six-digit code inside Qinghai, county codes included. */
    public String qinghaiRegion(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required (GB/T 2260 code such as 630102)");
            return null;
        }
        if (!Regions.isWithinQinghai(value)) {
            add(field, "must be a GB/T 2260 code inside Qinghai (63xxxx), found '" + clip(value) + "'");
            return null;
        }
        return value;
    }

    /** A required enum value; {@code unspecified} (proto value 0) and unknown values are refused. */
    public <E extends Enum<E>> E enumValue(String field, E value, E unspecified, E unrecognized) {
        if (value == null || value == unspecified || value == unrecognized) {
            add(field, "is required");
            return null;
        }
        return value;
    }

    private static String clip(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
