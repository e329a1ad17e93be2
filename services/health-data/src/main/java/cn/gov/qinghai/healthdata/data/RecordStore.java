package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.EntryRow;
import cn.gov.qinghai.healthdata.data.Rows.MeasurementRow;
import cn.gov.qinghai.healthdata.data.Rows.PrescriptionRow;
import cn.gov.qinghai.healthdata.data.Rows.Recorded;
import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes entries, encounters and prescriptions (no access decisions here); residents and consents are in
 * {@link ResidentRepository} and {@link ConsentRepository}.
 */
@Singleton
public class RecordStore {

    private final Sql sql;

    public RecordStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<EntryRow> entryByRequest(String requestId) {
        return sql.one("SELECT * FROM record_entry WHERE request_id = ?", RecordStore::entry, requestId);
    }

    public void insert(EntryRow e, List<MeasurementRow> measurements, String createdBy, Instant at) {
        sql.update(
                "INSERT INTO record_entry (id, request_id, resident_id, kind, recorded_on, summary, region,"
                        + " platform_level, organisation, quality, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                e.id(),
                e.requestId(),
                e.residentId(),
                e.kind(),
                e.recordedOn(),
                e.summary(),
                e.region(),
                e.level(),
                e.organisation(),
                e.quality(),
                createdBy,
                at);
        for (MeasurementRow m : measurements) {
            sql.update(
                    "INSERT INTO entry_measurement (entry_id, kind, value) VALUES (?,?,?)",
                    m.entryId(),
                    m.kind(),
                    m.value());
        }
    }

    public List<MeasurementRow> measurements(UUID entryId) {
        return sql.list(
                "SELECT * FROM entry_measurement WHERE entry_id = ? ORDER BY kind", RecordStore::measurement, entryId);
    }

    /** Every measurement of a resident's entries, by entry, in one query. */
    public java.util.Map<UUID, List<MeasurementRow>> measurementsOfResident(UUID residentId) {
        java.util.Map<UUID, List<MeasurementRow>> byEntry = new java.util.HashMap<>();
        sql.list(
                        "SELECT m.* FROM entry_measurement m JOIN record_entry e ON e.id = m.entry_id"
                                + " WHERE e.resident_id = ? ORDER BY m.entry_id, m.kind",
                        RecordStore::measurement,
                        residentId)
                .forEach(m -> byEntry.computeIfAbsent(m.entryId(), k -> new java.util.ArrayList<>())
                        .add(m));
        return byEntry;
    }

    /** Who recorded each of a resident's encounters and entries, and when (for FHIR provenance and lastUpdated). */
    public java.util.Map<UUID, Recorded> recordedOfResident(UUID residentId) {
        java.util.Map<UUID, Recorded> out = new java.util.HashMap<>();
        sql.list(
                        "SELECT id, created_by, created_at FROM encounter WHERE resident_id = ?"
                                + " UNION ALL SELECT id, created_by, created_at FROM record_entry WHERE resident_id = ?",
                        rs -> java.util.Map.entry(
                                Sql.uuid(rs, "id"),
                                new Recorded(rs.getString("created_by"), Sql.instant(rs, "created_at"))),
                        residentId,
                        residentId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public List<EntryRow> entries(UUID residentId) {
        return sql.list(
                "SELECT * FROM record_entry WHERE resident_id = ? ORDER BY recorded_on, id",
                RecordStore::entry,
                residentId);
    }

    public Optional<EncounterRow> encounterByRequest(String requestId) {
        return sql.one("SELECT * FROM encounter WHERE request_id = ?", RecordStore::encounter, requestId);
    }

    public void insert(EncounterRow e, List<PrescriptionRow> prescriptions, String createdBy, Instant at) {
        sql.update(
                "INSERT INTO encounter (id, request_id, resident_id, encounter_type, start_date, end_date, region,"
                        + " platform_level, organisation, diagnosis_code, diagnosis_name, total_cost, self_paid, sex,"
                        + " age_at_start, quality, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                e.id(),
                e.requestId(),
                e.residentId(),
                e.type(),
                e.startDate(),
                e.endDate(),
                e.region(),
                e.level(),
                e.organisation(),
                e.diagnosisCode(),
                e.diagnosisName(),
                e.totalCost(),
                e.selfPaid(),
                String.valueOf(e.sex()),
                e.ageAtStart(),
                e.quality(),
                createdBy,
                at);
        sql.update(
                "INSERT INTO encounter_count (region, sex, age_group, disease, month, encounters)"
                        + " VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (region, sex, age_group, disease, month)"
                        + " DO UPDATE SET encounters = encounter_count.encounters + 1",
                e.region(),
                String.valueOf(e.sex()),
                (e.ageAtStart() / 5) * 5,
                e.diagnosisCode().substring(0, 3),
                e.startDate().withDayOfMonth(1));
        for (PrescriptionRow p : prescriptions) {
            sql.update(
                    "INSERT INTO prescription (id, encounter_id, position, drug_code, drug_name, dosage, days,"
                            + " prescribed_on) VALUES (?,?,?,?,?,?,?,?)",
                    p.id(),
                    p.encounterId(),
                    p.position(),
                    p.drugCode(),
                    p.drugName(),
                    p.dosage(),
                    p.days(),
                    p.prescribedOn());
        }
    }

    public List<EncounterRow> encounters(UUID residentId) {
        return sql.list(
                "SELECT * FROM encounter WHERE resident_id = ? ORDER BY start_date, id",
                RecordStore::encounter,
                residentId);
    }

    public List<EncounterRow> encountersBetween(UUID residentId, LocalDate from, LocalDate to) {
        return sql.list(
                "SELECT * FROM encounter WHERE resident_id = ? AND start_date BETWEEN ? AND ?"
                        + " ORDER BY start_date, id",
                RecordStore::encounter,
                residentId,
                from,
                to);
    }

    public List<PrescriptionRow> prescriptions(UUID encounterId) {
        return sql.list(
                "SELECT * FROM prescription WHERE encounter_id = ? ORDER BY position",
                RecordStore::prescription,
                encounterId);
    }

    /** Every prescription of a resident's encounters, by encounter, in one query (no query per encounter). */
    public java.util.Map<UUID, List<PrescriptionRow>> prescriptionsOfResident(UUID residentId) {
        java.util.Map<UUID, List<PrescriptionRow>> byEncounter = new java.util.HashMap<>();
        sql.list(
                        "SELECT p.* FROM prescription p JOIN encounter e ON e.id = p.encounter_id WHERE e.resident_id = ?"
                                + " ORDER BY p.encounter_id, p.position",
                        RecordStore::prescription,
                        residentId)
                .forEach(p -> byEncounter
                        .computeIfAbsent(p.encounterId(), k -> new java.util.ArrayList<>())
                        .add(p));
        return byEncounter;
    }

    static EntryRow entry(ResultSet rs) throws SQLException {
        return new EntryRow(
                Sql.uuid(rs, "id"),
                rs.getString("request_id"),
                Sql.uuid(rs, "resident_id"),
                rs.getString("kind"),
                Sql.date(rs, "recorded_on"),
                rs.getString("summary"),
                rs.getString("region"),
                rs.getInt("platform_level"),
                rs.getString("organisation"),
                rs.getString("quality"));
    }

    public static EncounterRow encounter(ResultSet rs) throws SQLException {
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
                rs.getString("quality"));
    }

    static PrescriptionRow prescription(ResultSet rs) throws SQLException {
        return new PrescriptionRow(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "encounter_id"),
                rs.getInt("position"),
                rs.getString("drug_code"),
                rs.getString("drug_name"),
                rs.getString("dosage"),
                rs.getInt("days"),
                Sql.date(rs, "prescribed_on"));
    }

    static MeasurementRow measurement(ResultSet rs) throws SQLException {
        return new MeasurementRow(Sql.uuid(rs, "entry_id"), rs.getString("kind"), rs.getBigDecimal("value"));
    }
}
