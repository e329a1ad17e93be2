package cn.gov.qinghai.enterprisecost.calculators;

import cn.gov.qinghai.kit.grpc.FieldErrors;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validates a flat map of string inputs against a calculator's {@link InputSpec}s and records every problem at
 * once: missing required inputs, unknown names, malformed values, values out of range. Field names are the input
 * names, optionally under a prefix (e.g. {@code inputs.persons} inside an application).
 */
public final class InputReader {

    private static final int MAX_TEXT = 64;

    private InputReader() {}

    /** The typed inputs, or {@code null} when any violation was recorded in {@code errors}. */
    public static Inputs read(List<InputSpec> specs, Map<String, String> raw, FieldErrors errors) {
        int before = errors.size();
        Map<String, Object> values = new HashMap<>();
        for (InputSpec spec : specs) {
            String text = raw.get(spec.name());
            if (text == null || text.isBlank()) {
                if (spec.defaultValue() != null) {
                    text = spec.defaultValue();
                } else {
                    if (spec.required()) {
                        errors.add(spec.name(), "is required" + hint(spec));
                    }
                    continue;
                }
            }
            Object value = parse(spec, text.trim(), errors);
            if (value != null) {
                values.put(spec.name(), value);
            }
        }
        TreeSet<String> known = new TreeSet<>();
        specs.forEach(s -> known.add(s.name()));
        new TreeSet<>(raw.keySet())
                .stream()
                        .filter(k -> !known.contains(k))
                        .forEach(k -> errors.add(
                                clip(k),
                                "is not an input of this calculator (inputs: " + String.join(", ", known) + ")"));
        return errors.size() == before ? new Inputs(values) : null;
    }

    private static Object parse(InputSpec spec, String text, FieldErrors errors) {
        String name = spec.name();
        switch (spec.type()) {
            case BOOLEAN -> {
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.valueOf(text);
                }
                errors.add(name, "must be true or false, found '" + clip(text) + "'");
                return null;
            }
            case ENUM -> {
                if (spec.options().stream().anyMatch(o -> o.value().equals(text))) {
                    return text;
                }
                errors.add(
                        name,
                        "must be one of "
                                + String.join(
                                        ", ",
                                        spec.options().stream()
                                                .map(InputSpec.Option::value)
                                                .toList()) + ", found '" + clip(text) + "'");
                return null;
            }
            case INTEGER -> {
                if (!text.matches("[+-]?\\d{1,9}")) {
                    errors.add(name, "must be a whole number, found '" + clip(text) + "'");
                    return null;
                }
                BigDecimal d = new BigDecimal(text);
                return inRange(spec, d, errors) ? Integer.valueOf(d.intValueExact()) : null;
            }
            case DECIMAL -> {
                if (text.length() > 40 || !text.matches("[+-]?\\d+(\\.\\d+)?")) {
                    errors.add(name, "must be a decimal number such as 1500.00, found '" + clip(text) + "'");
                    return null;
                }
                BigDecimal d = new BigDecimal(text);
                if (!inRange(spec, d, errors)) {
                    return null;
                }
                if (Math.max(0, d.stripTrailingZeros().scale()) > spec.maxScale()) {
                    errors.add(name, "must have at most " + spec.maxScale() + " decimal places");
                    return null;
                }
                return d;
            }
            case DATE -> {
                try {
                    if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        return java.time.LocalDate.parse(text);
                    }
                } catch (java.time.format.DateTimeParseException e) {
                    // falls through to the field error
                }
                errors.add(name, "must be a date such as 2015-09-01, found '" + clip(text) + "'");
                return null;
            }
            default -> throw new IllegalStateException("unsupported input type " + spec.type());
        }
    }

    private static boolean inRange(InputSpec spec, BigDecimal d, FieldErrors errors) {
        BigDecimal min = spec.minimum();
        if (min != null && (spec.minimumExclusive() ? d.compareTo(min) <= 0 : d.compareTo(min) < 0)) {
            errors.add(
                    spec.name(),
                    "must be " + (spec.minimumExclusive() ? "greater than " : "at least ") + min.toPlainString()
                            + unit(spec));
            return false;
        }
        if (spec.maximum() != null && d.compareTo(spec.maximum()) > 0) {
            errors.add(spec.name(), "must be at most " + spec.maximum().toPlainString() + unit(spec));
            return false;
        }
        return true;
    }

    private static String hint(InputSpec spec) {
        return switch (spec.type()) {
            case BOOLEAN -> " (true or false)";
            case ENUM ->
                " (one of "
                        + String.join(
                                ", ",
                                spec.options().stream()
                                        .map(InputSpec.Option::value)
                                        .toList()) + ")";
            case INTEGER -> " (a whole number" + unit(spec) + ")";
            default -> " (a decimal number" + unit(spec) + ")";
        };
    }

    private static String unit(InputSpec spec) {
        return spec.unit().isEmpty() ? "" : " " + spec.unit();
    }

    private static String clip(String value) {
        String v = value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) + "…" : value;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
