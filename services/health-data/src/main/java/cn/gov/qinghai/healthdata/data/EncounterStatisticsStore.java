package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encounter counts for the open statistics, grouped by one or two dimensions, from the monthly cube
 * ({@code encounter_count}) or by scanning {@code encounter}. The statement is put together at run time from the
 * chosen dimensions and filters; every value (filters, age-band bounds and labels) is a bound parameter.
 */
@Singleton
public class EncounterStatisticsStore {

    /** The dimensions a table may be grouped by. */
    public static final List<String> DIMENSIONS =
            List.of("region", "county", "ageBand", "sex", "disease", "year", "quarter");

    /**
     * What to count: {@code dimensions} (one or two of {@link #DIMENSIONS}); {@code cube} to read the monthly cube
     * (whole months, prefixes of at most three characters, age bands on multiples of 5); regions matching
     * {@code regionLike} (a kit {@code Scope} pattern); the optional ICD-10 {@code diagnosisPrefix} and date bounds
     * (null when not given); and the lower bounds (inclusive, ascending) of the age bands.
     */
    public record Query(
            List<String> dimensions,
            boolean cube,
            String regionLike,
            String diagnosisPrefix,
            LocalDate from,
            LocalDate to,
            List<Integer> ageBandLowerBounds) {}

    private final Sql sql;

    public EncounterStatisticsStore(Sql sql) {
        this.sql = sql;
    }

    /** The count of every non-empty combination of the dimensions' values, keyed by those values in order. */
    public Map<List<String>, Long> counts(Query q) {
        List<Object> params = new ArrayList<>();
        StringBuilder text = new StringBuilder("SELECT ");
        for (int i = 0; i < q.dimensions().size(); i++) {
            text.append(expression(q.dimensions().get(i), q, params))
                    .append(" AS d")
                    .append(i)
                    .append(", ");
        }
        boolean cube = q.cube();
        text.append(cube ? "sum(encounters) FROM encounter_count" : "count(*) FROM encounter")
                .append(" WHERE region LIKE ?");
        params.add(q.regionLike());
        if (q.diagnosisPrefix() != null) {
            text.append(cube ? " AND disease LIKE ?" : " AND diagnosis_code LIKE ?");
            params.add(q.diagnosisPrefix() + "%");
        }
        if (q.from() != null) {
            text.append(cube ? " AND month >= ?" : " AND start_date >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            text.append(cube ? " AND month <= ?" : " AND start_date <= ?");
            params.add(q.to());
        }
        int dims = q.dimensions().size();
        text.append(" GROUP BY ").append(dims == 1 ? "1" : "1, 2");
        Map<List<String>, Long> counts = new HashMap<>();
        sql.list(
                text.toString(),
                rs -> {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < dims; i++) {
                        key.add(rs.getString(i + 1));
                    }
                    counts.put(key, rs.getLong(dims + 1));
                    return null;
                },
                params.toArray());
        return counts;
    }

    /** The SQL expression of one dimension; adds its parameters, if any, to {@code params}. */
    private static String expression(String dimension, Query q, List<Object> params) {
        boolean cube = q.cube();
        String date = cube ? "month" : "start_date";
        return switch (dimension) {
            case "region" -> "substr(region, 1, 4) || '00'";
            case "county" -> "region";
            case "sex" -> "sex";
            case "disease" -> cube ? "disease" : "substr(diagnosis_code, 1, 3)";
            case "year" -> "to_char(" + date + ", 'YYYY')";
            case "quarter" -> "to_char(" + date + ", 'YYYY\"Q\"Q')";
            case "ageBand" -> ageBands(q.ageBandLowerBounds(), cube ? "age_group" : "age_at_start", params);
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    /**
     * A CASE expression over an age column labelling each age with its band ("000-004", …, "085+"), the highest
     * lower bound first; bounds and labels are bound parameters.
     */
    static String ageBands(List<Integer> lower, String column, List<Object> params) {
        StringBuilder s = new StringBuilder("CASE");
        for (int i = lower.size() - 1; i >= 0; i--) {
            s.append(" WHEN ").append(column).append(" >= ? THEN ?::text");
            params.add(lower.get(i));
            params.add(
                    i + 1 < lower.size()
                            ? String.format("%03d-%03d", lower.get(i), lower.get(i + 1) - 1)
                            : String.format("%03d+", lower.get(i)));
        }
        return s.append(" ELSE 'unknown' END").toString();
    }
}
