package cn.gov.qinghai.kit.params.reform;

import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.params.ParameterEntry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks an override's value against the shape of the value it replaces, generically: a decimal for a decimal
 * (non-negative when the law's value is; at most 1 for a ratio), the same word type for a word, and for a
 * structured value a JSON object naming only fields the value has, merged over it (so {"monthlyAmount":"25"}
 * changes one field and keeps the rest). Per-region values take one decimal for every region.
 */
final class OverrideValues {

    private static final int MAX_LENGTH = 4000;

    private OverrideValues() {}

    /** The value to layer in, or {@code null} after naming the problem in {@code errors}. */
    static Object check(FieldErrors errors, String field, String text, PolicyParameter parameter, ParameterEntry base) {
        if (text.length() > MAX_LENGTH) {
            errors.add(field, "must be at most " + MAX_LENGTH + " characters");
            return null;
        }
        if (base.byRegion() != null) {
            Object sample = base.byRegion().values().iterator().next();
            if (!(sample instanceof String s)) {
                errors.add(field, parameter.id() + " has structured per-region values, which a reform cannot change");
                return null;
            }
            return leaf(errors, field, text, s, parameter);
        }
        Object value = base.value();
        if (value instanceof String s) {
            return leaf(errors, field, text, s, parameter);
        }
        if (value instanceof Boolean) {
            if (!text.equals("true") && !text.equals("false")) {
                errors.add(field, "must be true or false for " + parameter.id());
                return null;
            }
            return Boolean.valueOf(text);
        }
        if (value instanceof Map<?, ?> map) {
            Object parsed = json(errors, field, text);
            if (parsed == null) {
                return null;
            }
            if (!(parsed instanceof Map<?, ?>)) {
                errors.add(
                        field,
                        "must be a JSON object of the fields of " + parameter.id() + " to change, e.g. " + "{\""
                                + map.keySet().iterator().next() + "\":\"…\"}");
                return null;
            }
            return merge(errors, field, map, parsed, parameter);
        }
        errors.add(field, parameter.id() + " has a list value, which a reform cannot change");
        return null;
    }

    private static Object merge(FieldErrors errors, String field, Object base, Object given, PolicyParameter p) {
        if (base instanceof Map<?, ?> baseMap) {
            if (!(given instanceof Map<?, ?> givenMap)) {
                errors.add(field, "must be a JSON object with the fields " + baseMap.keySet());
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            baseMap.forEach((k, v) -> out.put(String.valueOf(k), v));
            boolean ok = true;
            for (Map.Entry<?, ?> e : givenMap.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!baseMap.containsKey(key)) {
                    errors.add(
                            field + "." + key, "is not a field of " + p.id() + " (fields: " + baseMap.keySet() + ")");
                    ok = false;
                    continue;
                }
                Object merged = merge(errors, field + "." + key, baseMap.get(key), e.getValue(), p);
                ok &= merged != null;
                out.put(key, merged);
            }
            return ok ? out : null;
        }
        if (base instanceof List<?> baseList) {
            if (!(given instanceof List<?> givenList) || !givenList.stream().allMatch(x -> x instanceof String)) {
                errors.add(field, "must be a JSON list of strings, like " + baseList);
                return null;
            }
            return new ArrayList<>(givenList);
        }
        if (base instanceof String s) {
            if (!(given instanceof String g)) {
                errors.add(field, "must be a string (write numbers as \"1.5\": exact decimals)");
                return null;
            }
            return leaf(errors, field, g, s, p);
        }
        errors.add(field, "cannot be changed by a reform");
        return null;
    }

    /** A decimal where the law has a decimal, with the law's sign and ratio range; a word where it has a word. */
    private static String leaf(FieldErrors errors, String field, String text, String lawValue, PolicyParameter p) {
        BigDecimal law = decimal(lawValue);
        if (law == null) {
            return text;
        }
        BigDecimal given = decimal(text);
        if (given == null) {
            errors.add(field, "must be a decimal number like \"" + lawValue + "\" (" + p.unit() + ")");
            return null;
        }
        if (given.signum() < 0 && law.signum() >= 0) {
            errors.add(field, "must not be negative (" + p.unit() + ")");
            return null;
        }
        if ("ratio".equals(p.unit()) && given.compareTo(BigDecimal.ONE) > 0 && law.compareTo(BigDecimal.ONE) <= 0) {
            errors.add(field, "is a ratio: at most 1 (0.005 = 0.5 %)");
            return null;
        }
        return given.toPlainString();
    }

    private static BigDecimal decimal(String s) {
        try {
            return s.isBlank() || !s.trim().equals(s) ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object json(FieldErrors errors, String field, String text) {
        String t = text.trim();
        if (!t.startsWith("{") && !t.startsWith("[")) {
            errors.add(field, "must be a JSON object");
            return null;
        }
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(t);
            if (containsNumber(parsed)) {
                errors.add(field, "write numbers as strings (\"25\"), so they stay exact");
                return null;
            }
            return parsed;
        } catch (RuntimeException e) {
            errors.add(field, "is not valid JSON");
            return null;
        }
    }

    private static boolean containsNumber(Object o) {
        if (o instanceof Number) {
            return true;
        }
        if (o instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(OverrideValues::containsNumber);
        }
        if (o instanceof List<?> l) {
            return l.stream().anyMatch(OverrideValues::containsNumber);
        }
        return false;
    }
}
