package cn.gov.qinghai.kit.params.reform;

import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterEntry;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import cn.gov.qinghai.kit.params.ReformScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A reform applied to a service's parameters: the real registry with each overridden parameter replaced by a copy
 * whose values from the override's date on are the hypothetical value (marked {@code hypothetical}, cited as a
 * reform, never as law). A calculation runs under it through {@link #run} (every parameter lookup on the thread
 * sees the reform) or is built again on {@link #registry()}; nothing is stored, nothing shared is changed.
 *
 * @param registry the parameters with the overrides layered over the real ones
 * @param applied  the reform as applied (each override's {@code from} filled in)
 * @param replaced the layered copies of the overridden parameters, by id (for a {@link ReformScope})
 */
public record ReformedParameters(ParameterRegistry registry, Reform applied, Map<String, PolicyParameter> replaced) {

    /** Runs {@code calculation} with this reform in force on this thread (see {@link ReformScope}). */
    public <T> T run(Supplier<T> calculation) {
        return ReformScope.run(replaced, calculation);
    }

    /** At most this many overrides in one reform. */
    public static final int MAX_OVERRIDES = 20;
    /** No override may start after this day. */
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private static final int MAX_NAME = 100;

    /**
     * Checks {@code reform} against {@code base}, naming every bad field under {@code field} (e.g.
     * {@code reform.overrides[0].value}) in {@code errors}; returns {@code null} when anything is wrong.
     */
    public static ReformedParameters of(FieldErrors errors, String field, Reform reform, ParameterRegistry base) {
        FieldErrors at = errors.at(field);
        int before = errors.size();
        String name = at.optionalText("name", reform.getName(), MAX_NAME);
        if (reform.getOverridesCount() == 0) {
            at.add("overrides", "must list at least one parameter override");
        } else if (reform.getOverridesCount() > MAX_OVERRIDES) {
            at.add("overrides", "must have at most " + MAX_OVERRIDES + " overrides");
            return null;
        }
        Citation citation = hypothetical(name);
        Reform.Builder applied = Reform.newBuilder().setName(name == null ? "" : name);
        List<PolicyParameter> replaced = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reform.getOverridesCount(); i++) {
            FieldErrors o = at.at("overrides[" + i + "]");
            ParameterOverride override = reform.getOverrides(i);
            String id = o.text("id", override.getId(), 200);
            PolicyParameter parameter = null;
            if (id != null && !base.has(id)) {
                o.add("id", "is not a parameter of this service (see /api/v1/parameters)");
            } else if (id != null) {
                if (!seen.add(id)) {
                    o.add("id", "is overridden twice; give each parameter once");
                }
                parameter = base.get(id);
            }
            if (parameter != null
                    && !override.getUnit().isEmpty()
                    && !override.getUnit().equals(parameter.unit())) {
                o.add("unit", "is " + parameter.unit() + " for " + id + ", not " + clip(override.getUnit()));
            }
            LocalDate from = parameter == null
                    ? o.optionalDate("from", override.getFrom())
                    : from(o, override.getFrom(), parameter);
            if (override.getValue().isEmpty()) {
                o.add("value", "is required");
                continue;
            }
            if (parameter == null || from == null) {
                continue;
            }
            Object value = OverrideValues.check(o, "value", override.getValue(), parameter, baseEntry(parameter, from));
            if (value == null) {
                continue;
            }
            replaced.add(layer(parameter, from, value, citation));
            applied.addOverrides(override.toBuilder().setFrom(from.toString()).setUnit(parameter.unit()));
        }
        if (errors.size() > before) {
            return null;
        }
        Map<String, PolicyParameter> byId = new LinkedHashMap<>();
        replaced.forEach(p -> byId.put(p.id(), p));
        return new ReformedParameters(base.with(replaced), applied.build(), byId);
    }

    /** The citation of every hypothetical value: the reform, never a law. */
    static Citation hypothetical(String name) {
        String named = name == null ? "" : " “" + name + "”";
        return new Citation(
                "假设改革" + named + " / Hypothetical reform" + named,
                "",
                "",
                "不是现行规定，仅用于测算 / not law: a value tried to see its effect");
    }

    private static LocalDate from(FieldErrors o, String text, PolicyParameter parameter) {
        LocalDate firstDated = parameter.values().stream()
                .map(ParameterEntry::from)
                .filter(d -> d != null)
                .findFirst()
                .orElse(null);
        boolean startUnknown = parameter.values().get(0).startUnknown();
        if (text.isEmpty()) {
            if (firstDated == null) {
                o.add("from", "is required: " + parameter.id() + " has no dated value to start from");
            }
            return firstDated;
        }
        LocalDate from = o.optionalDate("from", text);
        if (from == null) {
            return null;
        }
        if (!startUnknown && firstDated != null && from.isBefore(firstDated)) {
            o.add("from", "must be on or after " + firstDated + ", the first day " + parameter.id() + " has a value");
            return null;
        }
        if (from.isAfter(LAST_DAY)) {
            o.add("from", "must be on or before " + LAST_DAY);
            return null;
        }
        return from;
    }

    /** The entry the override changes: the one in force on its first day, else the first one (for its shape). */
    private static ParameterEntry baseEntry(PolicyParameter parameter, LocalDate from) {
        ParameterEntry found = null;
        for (ParameterEntry e : parameter.values()) {
            if ((e.from() == null || !e.from().isAfter(from)) && !e.repeal()) {
                found = e;
            } else if (e.from() != null && e.from().isAfter(from)) {
                break;
            }
        }
        if (found != null) {
            return found;
        }
        return parameter.values().stream()
                .filter(e -> !e.repeal())
                .findFirst()
                .orElse(parameter.values().get(0));
    }

    private static PolicyParameter layer(PolicyParameter parameter, LocalDate from, Object value, Citation citation) {
        List<ParameterEntry> values = new ArrayList<>();
        for (ParameterEntry e : parameter.values()) {
            if (e.from() == null || e.from().isBefore(from)) {
                values.add(e);
            }
        }
        values.add(new ParameterEntry(from, false, value, null, citation, "", true));
        return new PolicyParameter(
                parameter.id(), parameter.description(), parameter.unit(), parameter.reference(), values);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
