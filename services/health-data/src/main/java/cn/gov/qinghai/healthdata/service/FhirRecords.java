package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.healthdata.data.ConsentRepository;
import cn.gov.qinghai.healthdata.data.EncounterRepository;
import cn.gov.qinghai.healthdata.data.EntryRepository;
import cn.gov.qinghai.healthdata.data.MeasurementRepository;
import cn.gov.qinghai.healthdata.data.PrescriptionRepository;
import cn.gov.qinghai.healthdata.data.RecordStore;
import cn.gov.qinghai.healthdata.data.Rows.ConsentRow;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.fhir.PatientRecord;
import cn.gov.qinghai.healthdata.fhir.RecordItem;
import cn.gov.qinghai.healthdata.fhir.RecordResources;
import cn.gov.qinghai.kit.auth.Caller;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads what a purpose may see of a resident's record and turns it into FHIR resources. Purposes "treatment" and
 * "self" see the whole record; treatment sees only the consent that allowed the read (the caller's organisation's
 * active treatment consent), self sees every consent. "dibao-verification" sees only the purpose-limited set.
 */
@Singleton
public class FhirRecords {

    public static final String DIBAO_VERIFICATION = "dibao-verification";

    private final RecordStore store;
    private final ConsentRepository consentRows;
    private final EntryRepository entries;
    private final MeasurementRepository measurements;
    private final EncounterRepository encounters;
    private final PrescriptionRepository prescriptions;
    private final Clock clock;

    public FhirRecords(
            RecordStore store,
            ConsentRepository consentRows,
            EntryRepository entries,
            MeasurementRepository measurements,
            EncounterRepository encounters,
            PrescriptionRepository prescriptions,
            Clock clock) {
        this.store = store;
        this.consentRows = consentRows;
        this.entries = entries;
        this.measurements = measurements;
        this.encounters = encounters;
        this.prescriptions = prescriptions;
        this.clock = clock;
    }

    /** The resources of the record, in record order (Patient first). Call after access was granted. */
    public List<RecordItem> items(ResidentRow r, String purpose) {
        LocalDate today = LocalDate.now(clock);
        boolean dibao = DIBAO_VERIFICATION.equals(purpose);
        List<ConsentRow> consents = dibao
                ? List.of()
                : consentRows.findByResidentIdOrderByGrantedAtDescAndIdAsc(r.id()).stream()
                        .filter(c -> AccessPolicy.SELF.equals(purpose)
                                || (c.purpose().equals(purpose)
                                        && c.organisation()
                                                .equals(Caller.current().organisation())
                                        && c.activeOn(today)))
                        .toList();
        PatientRecord record = new PatientRecord(
                r,
                dibao ? List.of() : entries.findByResidentIdOrderByRecordedOnAscAndIdAsc(r.id()),
                dibao ? java.util.Map.of() : measurements.byEntryOfResident(r.id()),
                encounters.findByResidentIdOrderByStartDateAscAndIdAsc(r.id()),
                dibao ? java.util.Map.of() : prescriptions.byEncounterOfResident(r.id()),
                consents,
                store.recordedOfResident(r.id()),
                clock.instant(),
                today);
        return dibao ? RecordResources.forDibaoVerification(record) : RecordResources.whole(record);
    }
}
