package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.healthdata.data.Rows.ConsentRow;
import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.EntryRow;
import cn.gov.qinghai.healthdata.data.Rows.PrescriptionRow;
import cn.gov.qinghai.healthdata.data.Rows.Recorded;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.kit.region.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A resident's record as FHIR R4 resources, in record order: Patient, then per encounter the Encounter, its
 * Condition and MedicationRequests, then per health-record entry its Observations (see {@link EntryObservations}),
 * then the Consents, Provenance of every recorded row, and the Organizations and Practitioners referred to. All
 * references are {@code urn:uuid:} references to entries of the same bundle.
 */
public final class RecordResources {

    /** County-level names of GB/T 2260 in Qinghai (reference data, {@code fhir/qinghai-counties.tsv}). */
    private static final java.util.Map<String, String> COUNTIES = Tsv.load("/fhir/qinghai-counties.tsv");

    private final PatientRecord record;
    private final Parties parties;
    private final Reference patientRef;
    private final List<RecordItem> items = new ArrayList<>();

    private RecordResources(PatientRecord record) {
        this.record = record;
        this.parties = new Parties(record.now());
        this.patientRef = new Reference(Fhir.urn(record.resident().id().toString()));
    }

    /** The whole record (purposes treatment and self). */
    public static List<RecordItem> whole(PatientRecord record) {
        RecordResources b = new RecordResources(record);
        b.items.add(RecordItem.undated(b.patient(true)));
        Provenance registration = b.provenance(
                record.resident().id(),
                new Recorded(record.resident().createdBy(), record.resident().createdAt()),
                null,
                List.of(b.patientRef));
        b.items.add(RecordItem.undated(registration));
        for (EncounterRow e : record.encounters()) {
            b.encounter(e, record.prescriptions().getOrDefault(e.id(), List.of()));
        }
        for (EntryRow entry : record.entries()) {
            List<Resource> observations = EntryObservations.of(
                    entry,
                    record.measurements().getOrDefault(entry.id(), List.of()),
                    b.patientRef,
                    b.parties,
                    record.recordedOf(entry.id()).at());
            observations.forEach(o -> b.items.add(new RecordItem(o, entry.recordedOn(), entry.recordedOn())));
            b.items.add(new RecordItem(
                    b.provenance(
                            entry.id(),
                            record.recordedOf(entry.id()),
                            entry.organisation(),
                            observations.stream()
                                    .map(o -> new Reference(Fhir.urn(o.getIdPart())))
                                    .toList()),
                    entry.recordedOn(),
                    entry.recordedOn()));
        }
        for (ConsentRow c : record.consents()) {
            b.items.add(new RecordItem(
                    Consents.of(c, record.resident(), b.patientRef, b.parties, record.now(), record.today()),
                    c.validFrom(),
                    c.validTo() == null ? LocalDate.MAX : c.validTo()));
        }
        b.parties.all().forEach(p -> b.items.add(RecordItem.undated(p)));
        return b.items;
    }

    /**
     * What dibao verification (86号 二(二)) needs and no more: the person (identity number, sex, birth date — no
     * name, address or health card), the encounters with their diagnosis and the costs (total and self-paid, as
     * an Invoice per encounter). No prescriptions, entries, measurements or consents.
     */
    public static List<RecordItem> forDibaoVerification(PatientRecord record) {
        RecordResources b = new RecordResources(record);
        b.items.add(RecordItem.undated(b.patient(false)));
        for (EncounterRow e : record.encounters()) {
            Encounter enc = b.encounterResource(e);
            Condition condition = b.condition(e);
            LocalDate to = b.lastDay(e);
            b.items.add(new RecordItem(enc, e.startDate(), to));
            b.items.add(new RecordItem(condition, e.startDate(), to));
            b.items.add(new RecordItem(Costs.invoice(e, b.patientRef, b.parties, b.recordedAt(e)), e.startDate(), to));
        }
        b.parties.all().forEach(p -> b.items.add(RecordItem.undated(p)));
        return b.items;
    }

    /** The last day of care of an encounter: its end, today for an open stay, else its (one) day. */
    private LocalDate lastDay(EncounterRow e) {
        if (e.endDate() != null) {
            return e.endDate();
        }
        return "INPATIENT".equals(e.type()) ? record.today() : e.startDate();
    }

    private java.time.Instant recordedAt(EncounterRow e) {
        return record.recordedOf(e.id()).at();
    }

    private Patient patient(boolean whole) {
        ResidentRow r = record.resident();
        Patient p = new Patient();
        p.setId(r.id().toString());
        Resources.common(p, r.createdAt());
        Identifier ni = p.addIdentifier()
                .setUse(Identifier.IdentifierUse.OFFICIAL)
                .setSystem(FhirSystems.IDENTITY)
                .setValue(r.identityNumber());
        ni.getType()
                .addCoding()
                .setSystem(FhirSystems.IDENTIFIER_TYPE)
                .setCode("NI")
                .setDisplay("National unique individual identifier");
        ni.getType().setText("公民身份号码");
        ni.setAssigner(new Reference().setDisplay("中华人民共和国公安部 (Ministry of Public Security)"));
        String gender = r.sex() == 'M' ? "男" : "女";
        if (whole) {
            if (r.healthCard() != null) {
                Identifier hc = p.addIdentifier()
                        .setUse(Identifier.IdentifierUse.SECONDARY)
                        .setSystem(FhirSystems.HEALTH_CARD)
                        .setValue(r.healthCard());
                hc.getType()
                        .addCoding()
                        .setSystem(FhirSystems.IDENTIFIER_TYPE)
                        .setCode("HC")
                        .setDisplay("Health Card Number");
                hc.getType().setText("居民健康卡");
                hc.setAssigner(new Reference().setDisplay("国家卫生健康委员会 (National Health Commission)"));
            }
            p.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL).setText(r.name());
            p.addAddress(address(r.region()));
        }
        p.setGender(r.sex() == 'M' ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        p.setBirthDateElement(Resources.date(r.birthDate()));
        Narratives.set(
                p,
                "居民 Patient" + (whole ? ": " + r.name() : ""),
                "性别 " + gender + ", 出生日期 " + r.birthDate(),
                whole ? "住址地区 " + r.region() : null);
        return p;
    }

    /** The region as GB/T 2260 code (extension) and, where the platform knows them, the names. */
    static Address address(String code) {
        Address a =
                new Address().setUse(Address.AddressUse.HOME).setCountry("CN").setState("青海省");
        String prefecture = Regions.prefectureOf(code);
        if (!Regions.PROVINCE.equals(prefecture)) {
            a.setCity(Regions.nameZh(prefecture));
        }
        String county = COUNTIES.get(code);
        if (county != null) {
            a.setDistrict(county);
        }
        a.addExtension(FhirSystems.REGION_EXTENSION, new org.hl7.fhir.r4.model.CodeType(code));
        return a;
    }

    private void encounter(EncounterRow e, List<PrescriptionRow> prescriptions) {
        LocalDate to = lastDay(e);
        Encounter enc = encounterResource(e);
        Condition condition = condition(e);
        items.add(new RecordItem(enc, e.startDate(), to));
        items.add(new RecordItem(condition, e.startDate(), to));
        List<Reference> targets = new ArrayList<>(
                List.of(new Reference(Fhir.urn(enc.getIdPart())), new Reference(Fhir.urn(condition.getIdPart()))));
        for (PrescriptionRow p : prescriptions) {
            MedicationRequest m = medicationRequest(e, p);
            items.add(new RecordItem(m, e.startDate(), to));
            targets.add(new Reference(Fhir.urn(m.getIdPart())));
        }
        var invoice = Costs.invoice(e, patientRef, parties, recordedAt(e));
        items.add(new RecordItem(invoice, e.startDate(), to));
        targets.add(new Reference(Fhir.urn(invoice.getIdPart())));
        items.add(new RecordItem(
                provenance(e.id(), record.recordedOf(e.id()), e.organisation(), targets), e.startDate(), to));
    }

    private Encounter encounterResource(EncounterRow e) {
        Encounter enc = new Encounter();
        enc.setId(e.id().toString());
        Resources.common(enc, recordedAt(e));
        boolean open = e.endDate() == null && "INPATIENT".equals(e.type());
        enc.setStatus(open ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.FINISHED);
        String[] cls = switch (e.type()) {
            case "INPATIENT" -> new String[] {"IMP", "inpatient encounter", "住院"};
            case "EMERGENCY" -> new String[] {"EMER", "emergency", "急诊"};
            default -> new String[] {"AMB", "ambulatory", "门诊"};
        };
        enc.setClass_(new Coding(FhirSystems.ACT_CODE, cls[0], cls[1]));
        enc.setSubject(patientRef);
        Period period = new Period().setStartElement(Resources.day(e.startDate()));
        LocalDate end = e.endDate() == null && !open ? e.startDate() : e.endDate();
        if (end != null) {
            period.setEndElement(Resources.day(end));
        }
        enc.setPeriod(period);
        var diagnosis = enc.addDiagnosis()
                .setCondition(new Reference(Fhir.urn(conditionId(e))))
                .setRank(1);
        diagnosis
                .getUse()
                .addCoding()
                .setSystem(FhirSystems.DIAGNOSIS_ROLE)
                .setCode(open ? "AD" : "DD")
                .setDisplay(open ? "Admission diagnosis" : "Discharge diagnosis");
        enc.setServiceProvider(parties.organisation(e.organisation()));
        Narratives.set(
                enc,
                "就诊 Encounter: " + cls[2] + " " + e.startDate() + (end == null ? " 起 (在院)" : " 至 " + end),
                "诊断 " + e.diagnosisCode() + " " + e.diagnosisName(),
                "机构 " + e.organisation());
        return enc;
    }

    private static String conditionId(EncounterRow e) {
        return Fhir.derivedId("Condition", e.id());
    }

    private Condition condition(EncounterRow e) {
        Condition c = new Condition();
        c.setId(conditionId(e));
        Resources.common(c, recordedAt(e));
        c.addCategory()
                .addCoding()
                .setSystem(FhirSystems.CONDITION_CATEGORY)
                .setCode("encounter-diagnosis")
                .setDisplay("Encounter Diagnosis");
        c.getVerificationStatus()
                .addCoding()
                .setSystem(FhirSystems.CONDITION_VERIFICATION)
                .setCode("confirmed")
                .setDisplay("Confirmed");
        c.setCode(Icd10Codes.concept(e.diagnosisCode(), e.diagnosisName()));
        c.setSubject(patientRef);
        c.setEncounter(new Reference(Fhir.urn(e.id().toString())));
        c.setRecordedDateElement(Resources.instant(recordedAt(e)));
        Narratives.set(
                c,
                "诊断 Condition: " + e.diagnosisName(),
                "ICD-10 " + Icd10Codes.whoCode(e.diagnosisCode())
                        + (Icd10Codes.isNationalExtension(e.diagnosisCode()) ? ", 国家临床版 " + e.diagnosisCode() : ""));
        return c;
    }

    private MedicationRequest medicationRequest(EncounterRow e, PrescriptionRow p) {
        MedicationRequest m = new MedicationRequest();
        m.setId(p.id().toString());
        Resources.common(m, recordedAt(e));
        m.setStatus(Prescriptions.status(e, p, record.today()));
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        var medication = new org.hl7.fhir.r4.model.CodeableConcept().setText(p.drugName());
        medication
                .addCoding()
                .setSystem(FhirSystems.ATC)
                .setCode(p.drugCode())
                .setDisplay(AtcNames.name(p.drugCode()).orElse(null));
        m.setMedication(medication);
        m.setSubject(patientRef);
        m.setEncounter(new Reference(Fhir.urn(e.id().toString())));
        if (p.prescribedOn() != null) {
            m.setAuthoredOnElement(Resources.day(p.prescribedOn()));
        }
        m.setRequester(parties.practitioner(record.recordedOf(e.id()).by()));
        if (!p.dosage().isBlank()) {
            m.addDosageInstruction(Dosages.of(p.dosage(), 1));
        }
        m.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration()
                .setValue(p.days())
                .setUnit("d")
                .setSystem(FhirSystems.UCUM)
                .setCode("d"));
        Narratives.set(
                m,
                "处方 MedicationRequest: " + p.drugName() + " (ATC " + p.drugCode() + ")",
                p.dosage().isBlank() ? null : "用法 " + p.dosage(),
                "天数 " + p.days(),
                p.prescribedOn() == null ? null : "开具日期 " + p.prescribedOn());
        return m;
    }

    /** Who recorded the row and for which organisation, as a Provenance of the resources made from it. */
    private Provenance provenance(
            java.util.UUID rowId, Recorded recorded, String organisation, List<Reference> targets) {
        Provenance p = new Provenance();
        p.setId(Fhir.derivedId("Provenance", rowId));
        Resources.common(p, recorded.at());
        targets.forEach(t -> p.addTarget(new Reference(t.getReference())));
        p.setRecorded(java.util.Date.from(recorded.at()));
        p.getActivity()
                .addCoding()
                .setSystem(FhirSystems.DATA_OPERATION)
                .setCode("CREATE")
                .setDisplay("create");
        var agent = p.addAgent().setWho(parties.practitioner(recorded.by()));
        agent.getType()
                .addCoding()
                .setSystem(FhirSystems.PROVENANCE_AGENT)
                .setCode("author")
                .setDisplay("Author");
        if (organisation != null && !organisation.isBlank()) {
            agent.setOnBehalfOf(parties.organisation(organisation));
        }
        Narratives.set(p, "来源 Provenance: 录入于 " + recorded.at(), organisation == null ? null : "机构 " + organisation);
        return p;
    }
}
