package cn.gov.qinghai.healthdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Bulk synthetic data for statistics tests and the benchmark, generated set-based inside PostgreSQL
 * (generate_series), deterministic for a seed. Diagnoses are skewed so that small cells occur.
 */
final class EncounterSeeder {
    private EncounterSeeder() {}

    static final String[] COUNTIES = {
        "630102", "630103", "630104", "630202", "632221", "632321", "632521", "632621", "632721", "632801"
    };

    /** The valid GB 11643 identity number of synthetic resident {@code i} (unique for i below 30,000,000). */
    static String identity(int i) {
        String birth = java.time.LocalDate.of(1935, 1, 1)
                .plusDays(i % 30000)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = COUNTIES[i % COUNTIES.length] + birth + String.format("%03d", i / 30000);
        return first17 + cn.gov.qinghai.kit.identity.ResidentId.checkCharacter(first17);
    }

    static void seed(Connection c, int residents, int encounters, double seed) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO resident (id, request_id, identity_number, name, sex, birth_date, region, platform_level,"
                        + " created_by, created_at) VALUES (gen_random_uuid(), ?, ?, 'seed', ?, ?, ?, 3, 'seed', now())")) {
            for (int i = 0; i < residents; i++) {
                String id = identity(i);
                ps.setString(1, "seed-r-" + i);
                ps.setString(2, id);
                ps.setString(3, (id.charAt(16) - '0') % 2 == 1 ? "M" : "F");
                ps.setObject(4, cn.gov.qinghai.kit.identity.ResidentId.birthDate(id));
                ps.setString(5, id.substring(0, 6));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(autoCommit);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT setseed(" + seed + ")");
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE seed_r AS SELECT row_number() OVER (ORDER BY request_id) AS n, id, sex,"
                    + " birth_date, region FROM resident WHERE created_by = 'seed'");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO encounter (id, request_id, resident_id, encounter_type, start_date, region, platform_level,"
                        + " organisation, diagnosis_code, diagnosis_name, total_cost, self_paid, sex, age_at_start,"
                        + " created_by, created_at)"
                        + " SELECT gen_random_uuid(), 'seed-e-' || i, r.id,"
                        + " CASE WHEN i % 10 = 0 THEN 'INPATIENT' ELSE 'OUTPATIENT' END, x.d, r.region, 3, 'seed-hospital',"
                        + " (ARRAY['J06.9','I10','E11.9','J18.9','K29.7','M54.5','N39.0','A09','J20.9','I25.1',"
                        + "'C34.9','A15.0','B05.9','A20.0','O80','F20.9','N18.5','D66','Q21.0','A00.0'])"
                        + "[1 + floor(power(random(), 3) * 20)::int], 'seed', 100, 30, r.sex,"
                        + " greatest(0, extract(year FROM age(x.d, r.birth_date))::int), 'seed', now()"
                        + " FROM generate_series(1, ?) i"
                        + " JOIN seed_r r ON r.n = 1 + (i % ?)"
                        + " CROSS JOIN LATERAL (SELECT date '2024-01-01' + (i::bigint * 7919 % 700)::int AS d) x")) {
            ps.setInt(1, encounters);
            ps.setInt(2, residents);
            ps.executeUpdate();
        }
        rebuildCounts(c);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE seed_r");
            st.execute("ANALYZE encounter");
        }
    }

    /** Recomputes the statistics cube from the encounter table (after rows were written around the service). */
    static void rebuildCounts(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM encounter_count");
            st.executeUpdate("INSERT INTO encounter_count (region, sex, age_group, disease, month, encounters)"
                    + " SELECT region, sex, (age_at_start / 5) * 5, substr(diagnosis_code, 1, 3),"
                    + " date_trunc('month', start_date)::date, count(*) FROM encounter GROUP BY 1, 2, 3, 4, 5");
        }
    }
}
