package cn.gov.qinghai.enterprisecost.calculators;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Validated, typed inputs of one calculation (produced by {@link InputReader}): decimals as {@link BigDecimal},
 * whole numbers as {@link Integer}, yes/no as {@link Boolean}, choices as their value string. Defaults of optional
 * inputs are already applied; an absent optional input without default is simply missing.
 */
public final class Inputs {

    private final Map<String, Object> values;

    Inputs(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public BigDecimal decimal(String name) {
        return (BigDecimal) require(name);
    }

    public int integer(String name) {
        return (Integer) require(name);
    }

    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    public String choice(String name) {
        return (String) require(name);
    }

    public java.time.LocalDate date(String name) {
        return (java.time.LocalDate) require(name);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("input " + name + " was not validated as present");
        }
        return v;
    }
}
