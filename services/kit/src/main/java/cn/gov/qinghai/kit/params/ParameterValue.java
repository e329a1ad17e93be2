package cn.gov.qinghai.kit.params;

import cn.gov.qinghai.common.v1.ParameterUse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The value of a parameter that applies on a date (and for a region), with everything an explanation needs.
 *
 * @param parameter the parameter
 * @param entry     the dated entry the value comes from
 * @param region    the region key the value was found under ({@code null} for a province-wide scalar)
 * @param raw       the raw value: a decimal/text string, or a structured map or list
 */
public record ParameterValue(PolicyParameter parameter, ParameterEntry entry, String region, Object raw) {

    /** The value as an exact decimal; fails if it is structured. */
    public BigDecimal decimal() {
        return Decimals.of(raw, parameter.id());
    }

    /** A named decimal field of a structured (map) value. */
    public BigDecimal decimal(String key) {
        Object v = asMap().get(key);
        if (v == null) {
            throw new ParameterFileException(parameter.id() + ": no field '" + key + "'");
        }
        return Decimals.of(v, parameter.id() + "." + key);
    }

    public String text() {
        return raw.toString();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        if (raw instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ParameterFileException(parameter.id() + " is not a map");
    }

    @SuppressWarnings("unchecked")
    public List<Object> asList() {
        if (raw instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ParameterFileException(parameter.id() + " is not a list");
    }

    public Citation citation() {
        return entry.citation();
    }

    /** True when the value is a reform's override, not law. */
    public boolean hypothetical() {
        return entry.hypothetical();
    }

    public boolean startUnknown() {
        return entry.startUnknown();
    }

    /** ISO date the value took effect, or empty when the documents do not say. */
    public String effectiveFromText() {
        return entry.from() == null ? "" : entry.from().toString();
    }

    /** The parameter as used, for an explanation step. */
    public ParameterUse toProto() {
        return ParameterUse.newBuilder()
                .setId(parameter.id())
                .setDescription(parameter.description())
                .setValue(raw instanceof String s ? s : String.valueOf(raw))
                .setUnit(parameter.unit())
                .setEffectiveFrom(effectiveFromText())
                .setStartUnknown(entry.startUnknown())
                .setRegion(region == null ? "" : region)
                .setCitation(entry.citation().toProto())
                .setHypothetical(entry.hypothetical())
                .build();
    }

    /** Same value seen through one field of a structured value, e.g. for an explanation of that field only. */
    public ParameterValue field(String key) {
        return new ParameterValue(parameter, entry, region, asMap().get(key));
    }
}
