package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.Recorded;
import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the record repositories ({@link EncounterRepository}, {@link EntryRepository}, ...) cannot express: the
 * upsert that keeps the open-statistics cube ({@code encounter_count}) in step with each encounter insert, and the
 * provenance of a resident's rows read across two tables. Callers hold the transaction.
 */
@Singleton
public class RecordStore {

    private final Sql sql;

    public RecordStore(Sql sql) {
        this.sql = sql;
    }

    /** Counts a newly inserted encounter in its cube cell (place, sex, 5-year age group, ICD-10 category, month). */
    public void countEncounter(EncounterRow e) {
        sql.update(
                "INSERT INTO encounter_count (region, sex, age_group, disease, month, encounters)"
                        + " VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (region, sex, age_group, disease, month)"
                        + " DO UPDATE SET encounters = encounter_count.encounters + 1",
                e.region(),
                String.valueOf(e.sex()),
                (e.ageAtStart() / 5) * 5,
                e.diagnosisCode().substring(0, 3),
                e.startDate().withDayOfMonth(1));
    }

    /** Who recorded each of a resident's encounters and entries, and when (for FHIR provenance and lastUpdated). */
    public Map<UUID, Recorded> recordedOfResident(UUID residentId) {
        Map<UUID, Recorded> out = new HashMap<>();
        sql.list(
                        "SELECT id, created_by, created_at FROM encounter WHERE resident_id = ?"
                                + " UNION ALL SELECT id, created_by, created_at FROM record_entry WHERE resident_id = ?",
                        rs -> Map.entry(
                                Sql.uuid(rs, "id"),
                                new Recorded(rs.getString("created_by"), Sql.instant(rs, "created_at"))),
                        residentId,
                        residentId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
