package cn.gov.qinghai.kit.params;

import cn.gov.qinghai.kit.region.Regions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A policy parameter: a figure taken from a policy document, with its values by effective date
 * (OpenFisca-style), its unit and its citation. See {@code docs/parameters.md} for the file format. Inside a
 * {@link ReformScope} an overridden parameter answers its lookups from the reform's copy.
 *
 * @param id          stable id used in explanations, e.g. {@code wage.minimum_wage.monthly}
 * @param description what it is (Chinese first, English after a slash)
 * @param unit        unit of the values, e.g. {@code CNY/month}
 * @param reference   default citation of the values
 * @param values      dated values in ascending order; only the first may have an unknown start
 */
public record PolicyParameter(
        String id, String description, String unit, Citation reference, List<ParameterEntry> values) {

    public PolicyParameter {
        values = List.copyOf(values);
    }

    /** The entry in force on {@code date}: the last one starting on or before it, else an unknown-start entry. */
    public ParameterEntry entryAt(LocalDate date) {
        PolicyParameter reformed = ReformScope.replacement(id);
        if (reformed != null && reformed != this) {
            return reformed.entryAt(date);
        }
        ParameterEntry found = null;
        for (ParameterEntry e : values) {
            if (e.from() == null || !e.from().isAfter(date)) {
                found = e;
            } else {
                break;
            }
        }
        if (found == null) {
            throw new ParameterLookupException(
                    id, ParameterLookupException.Kind.NOT_YET_IN_FORCE, id + " has no value in force on " + date);
        }
        if (found.repeal()) {
            throw new ParameterLookupException(
                    id,
                    ParameterLookupException.Kind.REPEALED,
                    id + " was repealed on " + found.from() + " ("
                            + found.citation().shortText() + ")");
        }
        return found;
    }

    /** The province-wide value in force on {@code date}. */
    public ParameterValue at(LocalDate date) {
        return at(date, Regions.PROVINCE);
    }

    /**
     * The value in force on {@code date} for {@code region}. A per-region entry is looked up under the region, then
     * its prefecture, then the province code; a scalar entry applies everywhere.
     */
    public ParameterValue at(LocalDate date, String region) {
        PolicyParameter reformed = ReformScope.replacement(id);
        if (reformed != null && reformed != this) {
            return reformed.at(date, region);
        }
        ParameterEntry entry = entryAt(date);
        if (entry.byRegion() == null) {
            return new ParameterValue(this, entry, null, entry.value());
        }
        for (String key : Regions.lookupChain(region)) {
            Object v = entry.byRegion().get(key);
            if (v != null) {
                return new ParameterValue(this, entry, key, v);
            }
        }
        throw new ParameterLookupException(
                id,
                ParameterLookupException.Kind.REGION_NOT_COVERED,
                id + " in force on " + date + " differs by region and has no value for " + region);
    }

    /** Every region code named by any per-region entry. */
    public boolean variesByRegion(LocalDate date) {
        return entryAt(date).byRegion() != null;
    }

    /** Per-region values of the entry in force on {@code date}, or {@code null} when the value is province-wide. */
    public Map<String, Object> regionalValuesAt(LocalDate date) {
        return entryAt(date).byRegion();
    }
}
