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
    private EncounterSeeder() {
    }

    static void seed(Connection c, int residents, int encounters, double seed) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT setseed(" + seed + ")");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO resident (id, request_id, identity_number, name, sex, birth_date, region, platform_level,"
                        + " created_by, created_at)"
                        + " SELECT gen_random_uuid(), 'seed-r-' || i, '9' || lpad(i::text, 17, '0'), 'seed',"
                        + " CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END, date '1935-01-01' + (i * 37 % 32000),"
                        + " (ARRAY['630102','630103','630104','630202','632221','632321','632521','632621','632721',"
                        + "'632801'])[1 + i % 10], 3, 'seed', now() FROM generate_series(1, ?) i")) {
            ps.setInt(1, residents);
            ps.executeUpdate();
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
                        + " CROSS JOIN LATERAL (SELECT date '2024-01-01' + (i * 7919 % 700) AS d) x")) {
            ps.setInt(1, encounters);
            ps.setInt(2, residents);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE seed_r");
            st.execute("ANALYZE encounter");
        }
    }
}
