package cn.gov.qinghai.kit.params;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One dated value of a parameter, as written in its file.
 *
 * @param from         first day in force; {@code null} when the documents do not state it ({@code startUnknown})
 * @param startUnknown true when the start date is not given by the documents
 * @param value        a decimal/text string, a structured map or list, or {@code null} for a repeal; never a map
 *                     of regions (those are in {@code byRegion})
 * @param byRegion     per-region values keyed by GB/T 2260 code, or {@code null}
 * @param citation     the citation of this value
 * @param decision     how an ambiguity in the documents was decided, or empty
 * @param hypothetical true for a reform's override (a "what if"), never for a value of the documents
 */
public record ParameterEntry(
        LocalDate from,
        boolean startUnknown,
        Object value,
        Map<String, Object> byRegion,
        Citation citation,
        String decision,
        boolean hypothetical) {

    /** A value of the documents (not hypothetical). */
    public ParameterEntry(
            LocalDate from,
            boolean startUnknown,
            Object value,
            Map<String, Object> byRegion,
            Citation citation,
            String decision) {
        this(from, startUnknown, value, byRegion, citation, decision, false);
    }

    public boolean repeal() {
        return value == null && byRegion == null;
    }

    public Optional<LocalDate> effectiveFrom() {
        return Optional.ofNullable(from);
    }
}
