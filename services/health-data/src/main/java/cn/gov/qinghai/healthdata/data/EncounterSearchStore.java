package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Encounter search with visibility inside the query (consent for the organisation and purpose on the day, region
 * scope), so hidden rows are never loaded nor counted. The optional filters are added to the statement at run time;
 * every value is a bound parameter.
 */
@Singleton
public class EncounterSearchStore {

    /**
     * What to search: consent of {@code organisation} for {@code purpose} valid on {@code day}, residents whose region
     * matches {@code regionLike} (a kit {@code Scope} pattern), and the optional ICD-10 {@code diagnosisPrefix} and
     * start-date bounds (null when not given).
     */
    public record Query(
            String organisation,
            String purpose,
            LocalDate day,
            String regionLike,
            String diagnosisPrefix,
            LocalDate from,
            LocalDate to) {}

    /** An encounter found, with the resident's identity number. */
    public record Hit(EncounterRow row, String identityNumber) {}

    private final Sql sql;

    public EncounterSearchStore(Sql sql) {
        this.sql = sql;
    }

    public int count(Query q) {
        List<Object> params = new ArrayList<>();
        String from = fromWhere(q, params);
        return sql.one("SELECT count(*)" + from, rs -> rs.getInt(1), params.toArray())
                .orElse(0);
    }

    /** A page of the encounters found, newest first. */
    public List<Hit> page(Query q, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String from = fromWhere(q, params);
        params.add(limit);
        params.add(offset);
        return sql.list(
                "SELECT e.*, r.identity_number" + from + " ORDER BY e.start_date DESC, e.id LIMIT ? OFFSET ?",
                rs -> new Hit(encounter(rs), rs.getString("identity_number")),
                params.toArray());
    }

    /** The FROM and WHERE clauses of {@code q}; adds their parameters to {@code params} in order. */
    private static String fromWhere(Query q, List<Object> params) {
        StringBuilder where = new StringBuilder(" FROM encounter e JOIN resident r ON r.id = e.resident_id"
                + " WHERE EXISTS (SELECT 1 FROM consent c WHERE c.resident_id = r.id AND c.organisation = ?"
                + " AND c.purpose = ? AND c.revoked_at IS NULL AND c.valid_from <= ?"
                + " AND (c.valid_to IS NULL OR c.valid_to >= ?)) AND r.region LIKE ?");
        params.addAll(List.of(q.organisation(), q.purpose(), q.day(), q.day(), q.regionLike()));
        if (q.diagnosisPrefix() != null) {
            where.append(" AND e.diagnosis_code LIKE ?");
            params.add(q.diagnosisPrefix() + "%");
        }
        if (q.from() != null) {
            where.append(" AND e.start_date >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND e.start_date <= ?");
            params.add(q.to());
        }
        return where.toString();
    }

    /** An {@code encounter} row of the search's {@code e.*} columns. */
    private static EncounterRow encounter(ResultSet rs) throws SQLException {
        return new EncounterRow(
                Sql.uuid(rs, "id"),
                rs.getString("request_id"),
                Sql.uuid(rs, "resident_id"),
                rs.getString("encounter_type"),
                Sql.date(rs, "start_date"),
                Sql.date(rs, "end_date"),
                rs.getString("region"),
                rs.getInt("platform_level"),
                rs.getString("organisation"),
                rs.getString("diagnosis_code"),
                rs.getString("diagnosis_name"),
                rs.getBigDecimal("total_cost"),
                rs.getBigDecimal("self_paid"),
                rs.getString("sex").charAt(0),
                rs.getInt("age_at_start"),
                rs.getString("quality"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"));
    }
}
