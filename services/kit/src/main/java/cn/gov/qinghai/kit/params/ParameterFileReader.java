package cn.gov.qinghai.kit.params;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Parses one parameter file (format: {@code docs/parameters.md}) and checks it strictly. */
final class ParameterFileReader {
    private ParameterFileReader() {}

    static PolicyParameter read(InputStream in, String where) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(doc instanceof Map<?, ?> root)) {
            throw new ParameterFileException(where + ": not a YAML map");
        }
        String id = required(root, "id", where);
        String description = required(root, "description", where);
        String unit = required(root, "unit", where);
        Citation reference = Citation.fromYaml(root.get("reference"), null, where);
        if (!(root.get("values") instanceof List<?> rawValues) || rawValues.isEmpty()) {
            throw new ParameterFileException(where + ": values must be a non-empty list");
        }
        List<ParameterEntry> entries = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < rawValues.size(); i++) {
            String at = where + " values[" + i + "]";
            if (!(rawValues.get(i) instanceof Map<?, ?> v)) {
                throw new ParameterFileException(at + ": must be a map");
            }
            LocalDate from = date(v.get("from"), at);
            boolean startUnknown = Boolean.TRUE.equals(v.get("startUnknown"));
            if (from == null && (i != 0 || !startUnknown)) {
                throw new ParameterFileException(
                        at + ": only the first value may have from: null, with startUnknown: true");
            }
            if (from != null && previous != null && !from.isAfter(previous)) {
                throw new ParameterFileException(at + ": dates must ascend (" + from + " after " + previous + ")");
            }
            previous = from == null ? previous : from;
            Map<String, Object> byRegion = null;
            if (v.get("byRegion") instanceof Map<?, ?> regions) {
                byRegion = new LinkedHashMap<>();
                for (Map.Entry<?, ?> r : regions.entrySet()) {
                    byRegion.put(String.valueOf(r.getKey()), checkValue(r.getValue(), at + ".byRegion." + r.getKey()));
                }
            } else if (v.containsKey("byRegion")) {
                throw new ParameterFileException(at + ": byRegion must be a map of region code to value");
            }
            Object value = checkValue(v.get("value"), at + ".value");
            if (value != null && byRegion != null) {
                throw new ParameterFileException(at + ": give value or byRegion, not both");
            }
            Citation citation = Citation.fromYaml(v.get("reference"), reference, at);
            if (citation == null) {
                throw new ParameterFileException(at + ": no reference (neither on the value nor on the parameter)");
            }
            Object decision = v.get("decision");
            entries.add(new ParameterEntry(
                    from, startUnknown, value, byRegion, citation, decision == null ? "" : decision.toString()));
        }
        return new PolicyParameter(id, description, unit, reference, entries);
    }

    /** Values are strings, or maps/lists of them; YAML numbers are refused because floats are not exact. */
    private static Object checkValue(Object v, String at) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number) {
            throw new ParameterFileException(
                    at + ": write numbers as quoted strings (\"" + v + "\"), floats are not exact");
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), checkValue(x, at + "." + k)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                copy.add(checkValue(l.get(i), at + "[" + i + "]"));
            }
            return copy;
        }
        if (v instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        throw new ParameterFileException(at + ": unsupported value " + v);
    }

    private static LocalDate date(Object raw, String at) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(raw.toString());
        } catch (DateTimeParseException e) {
            throw new ParameterFileException(at + ": from must be an ISO date, found " + raw, e);
        }
    }

    private static String required(Map<?, ?> root, String key, String where) {
        Object v = root.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new ParameterFileException(where + ": " + key + " is required");
        }
        return v.toString();
    }
}
