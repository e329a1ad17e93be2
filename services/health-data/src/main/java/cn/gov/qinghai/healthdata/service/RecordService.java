package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.AddHealthRecordEntryRequest;
import cn.gov.qinghai.health.v1.Encounter;
import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.health.v1.GetResidentRecordRequest;
import cn.gov.qinghai.health.v1.HealthRecordEntry;
import cn.gov.qinghai.health.v1.Measurement;
import cn.gov.qinghai.health.v1.MeasurementKind;
import cn.gov.qinghai.health.v1.Prescription;
import cn.gov.qinghai.health.v1.RecordEncounterRequest;
import cn.gov.qinghai.health.v1.RegisterResidentRequest;
import cn.gov.qinghai.health.v1.Resident;
import cn.gov.qinghai.health.v1.ResidentRecord;
import cn.gov.qinghai.healthdata.data.EncounterRepository;
import cn.gov.qinghai.healthdata.data.EntryRepository;
import cn.gov.qinghai.healthdata.data.MeasurementRepository;
import cn.gov.qinghai.healthdata.data.PrescriptionRepository;
import cn.gov.qinghai.healthdata.data.RecordStore;
import cn.gov.qinghai.healthdata.data.ResidentRepository;
import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.EntryRow;
import cn.gov.qinghai.healthdata.data.Rows.MeasurementRow;
import cn.gov.qinghai.healthdata.data.Rows.PrescriptionRow;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.rules.CodeFormats;
import cn.gov.qinghai.healthdata.rules.Finding;
import cn.gov.qinghai.healthdata.rules.Measure;
import cn.gov.qinghai.healthdata.rules.QualityRules;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The core databases of 80号 二(一)3: residents (居民电子健康档案), health-record entries, encounters (电子病历) and
 * prescriptions (电子处方), each with its platform level (二(一)2) and data-quality findings (二(一)1). Every call
 * is audited in its own transaction; denied reads are audited too.
 */
@Singleton
public class RecordService {

    public static final String TREATMENT = "treatment";
    static final Set<String> ENTRY_KINDS =
            Set.of("HEALTH_CHECK", "VACCINATION", "CHRONIC_FOLLOW_UP", "MATERNAL_CARE", "CHILD_CARE");

    private final RecordStore store;
    private final ResidentRepository residents;
    private final EntryRepository entries;
    private final MeasurementRepository measurements;
    private final EncounterRepository encounters;
    private final PrescriptionRepository prescriptions;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final QualityRules quality;
    private final Clock clock;

    public RecordService(
            RecordStore store,
            ResidentRepository residents,
            EntryRepository entries,
            MeasurementRepository measurements,
            EncounterRepository encounters,
            PrescriptionRepository prescriptions,
            AccessPolicy policy,
            AuditTrail audit,
            QualityRules quality,
            Clock clock) {
        this.store = store;
        this.residents = residents;
        this.entries = entries;
        this.measurements = measurements;
        this.encounters = encounters;
        this.prescriptions = prescriptions;
        this.policy = policy;
        this.audit = audit;
        this.quality = quality;
        this.clock = clock;
    }

    @Transactional
    public Resident register(RegisterResidentRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:clinician", "health:registrar");
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String identity = identity(errors, "identityNumber", request.getIdentityNumber(), today);
        String name = errors.text("name", request.getName(), 50);
        String card = errors.optionalText("healthCardNumber", request.getHealthCardNumber(), 32);
        if (card != null) {
            String problem = CodeFormats.healthCardProblem(card);
            errors.check(problem == null, "healthCardNumber", problem);
        }
        String region = errors.qinghaiRegion("region", request.getRegion());
        errors.throwIfAny();
        caller.requireRegion(region);

        Optional<ResidentRow> replay = residents.findByRequestId(requestId);
        if (replay.isPresent()) {
            if (!replay.get().identityNumber().equals(identity)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for another resident");
            }
            return Protos.resident(replay.get(), true);
        }
        if (residents.findByIdentityNumber(identity).isPresent()) {
            throw ServiceException.alreadyExists(
                    "RESIDENT_EXISTS", "a resident with this identity number is already" + " registered");
        }
        List<Finding> findings = quality.resident(card);
        ResidentRow row = new ResidentRow(
                UUID.randomUUID(),
                requestId,
                identity,
                name,
                card,
                sexOf(identity),
                ResidentId.birthDate(identity),
                region,
                Levels.of(region),
                Finding.encode(findings),
                caller.subject(),
                clock.instant());
        residents.save(row);
        audit.append(
                Event.granted("registration", "CREATE", "resident", row.id().toString(), row.id()));
        return Protos.resident(row, true);
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public ResidentRecord read(GetResidentRecordRequest request) {
        if (FhirRecords.DIBAO_VERIFICATION.equals(request.getPurpose())) {
            // verification sees only what it needs (GetMajorMedicalExpenses, the purpose-limited FHIR export),
            // never the whole record
            audit.append(Event.denied(
                    request.getPurpose(),
                    "READ",
                    "resident",
                    "",
                    null,
                    "the whole record is not available for dibao verification"));
            throw AccessDenied.purpose(request.getPurpose());
        }
        ResidentRow r = authorise(request.getIdentityNumber(), request.getPurpose(), "READ", "resident");
        ResidentRecord.Builder out = ResidentRecord.newBuilder().setResident(Protos.resident(r, true));
        var measured = measurements.byEntryOfResident(r.id());
        entries.findByResidentIdOrderByRecordedOnAscAndIdAsc(r.id())
                .forEach(e -> out.addEntries(Protos.entry(e, measured.getOrDefault(e.id(), List.of()))));
        var lines = prescriptions.byEncounterOfResident(r.id());
        for (EncounterRow e : encounters.findByResidentIdOrderByStartDateAscAndIdAsc(r.id())) {
            out.addEncounters(Protos.encounter(e, lines.getOrDefault(e.id(), List.of())));
        }
        audit.append(Event.granted(request.getPurpose(), "READ", "resident", r.id().toString(), r.id()));
        return out.build();
    }

    /**
     * Validates identity and purpose, then decides access to the resident's record. Denials write their audit row
     * and throw {@link AccessDenied} (the transaction still commits, so the denial is recorded).
     */
    ResidentRow authorise(String identityNumber, String purposeText, String action, String resource) {
        Caller caller = Caller.current();
        if (caller.isAnonymous()) {
            throw ServiceException.unauthenticated("a bearer token is required");
        }
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String identity = identity(errors, "identityNumber", identityNumber, today);
        String purpose = errors.text("purpose", purposeText, 32);
        errors.throwIfAny();
        return decide(
                caller,
                purpose,
                action,
                resource,
                ResidentId.mask(identity),
                () -> residents.findByIdentityNumber(identity),
                today);
    }

    /**
     * As {@link #authorise} for a record addressed by its logical id (the FHIR API: identity numbers never travel
     * in URLs). An unknown id is denied exactly like a record the caller may not see.
     */
    ResidentRow authoriseById(UUID residentId, String purpose, String action, String resource) {
        Caller caller = Caller.current();
        if (caller.isAnonymous()) {
            throw ServiceException.unauthenticated("a bearer token is required");
        }
        return decide(
                caller,
                purpose,
                action,
                resource,
                residentId.toString(),
                () -> residents.findById(residentId),
                LocalDate.now(clock));
    }

    private ResidentRow decide(
            Caller caller,
            String purpose,
            String action,
            String resource,
            String key,
            java.util.function.Supplier<Optional<ResidentRow>> lookup,
            LocalDate today) {
        if (!policy.mayClaim(caller, purpose, today)) {
            audit.append(Event.denied(purpose, action, resource, key, null, "role may not claim purpose"));
            throw AccessDenied.purpose(purpose);
        }
        Optional<ResidentRow> resident = lookup.get();
        Optional<String> denial = policy.denial(caller, purpose, resident, today);
        if (denial.isPresent()) {
            audit.append(Event.denied(
                    purpose,
                    action,
                    resource,
                    resident.map(x -> x.id().toString()).orElse(key),
                    resident.map(ResidentRow::id).orElse(null),
                    denial.get()));
            throw AccessDenied.record();
        }
        return resident.get();
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public HealthRecordEntry addEntry(AddHealthRecordEntryRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:clinician");
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String kind = errors.text("kind", request.getKind(), 32);
        if (kind != null) {
            errors.check(
                    ENTRY_KINDS.contains(kind),
                    "kind",
                    "must be one of " + ENTRY_KINDS.stream().sorted().toList());
        }
        LocalDate on = errors.date("recordedOn", request.getRecordedOn());
        if (on != null) {
            errors.check(!on.isAfter(today), "recordedOn", "must not be in the future");
        }
        String summary = errors.text("summary", request.getSummary(), FieldErrors.MAX_TEXT);
        String region = errors.qinghaiRegion("region", request.getRegion());
        errors.check(TREATMENT.equals(request.getPurpose()), "purpose", "must be \"treatment\"");
        List<Measure> kinds = measurements(errors, request.getMeasurementsList());
        errors.throwIfAny();
        caller.requireRegion(region);
        ResidentRow r = authorise(request.getIdentityNumber(), request.getPurpose(), "CREATE", "entry");
        Optional<EntryRow> replay = entries.findByRequestId(requestId);
        if (replay.isPresent()) {
            return Protos.entry(
                    replay.get(),
                    measurements.findByEntryIdOrderByKind(replay.get().id()));
        }
        EntryRow row = new EntryRow(
                UUID.randomUUID(),
                requestId,
                r.id(),
                kind,
                on,
                summary,
                region,
                Levels.of(region),
                caller.organisation(),
                Finding.encode(quality.entry(on, r.birthDate())),
                caller.subject(),
                clock.instant());
        List<MeasurementRow> measured = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            measured.add(new MeasurementRow(
                    row.id(),
                    kinds.get(i).name(),
                    new BigDecimal(request.getMeasurements(i).getValue().trim())));
        }
        entries.save(row);
        measured.forEach(measurements::insert);
        audit.append(Event.granted(TREATMENT, "CREATE", "entry", row.id().toString(), r.id()));
        return Protos.entry(row, measured);
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public Encounter recordEncounter(RecordEncounterRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:clinician");
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        EncounterType type = errors.enumValue(
                "type", request.getType(), EncounterType.ENCOUNTER_TYPE_UNSPECIFIED, EncounterType.UNRECOGNIZED);
        LocalDate start = errors.date("startDate", request.getStartDate());
        LocalDate end = errors.optionalDate("endDate", request.getEndDate());
        if (start != null) {
            errors.check(!start.isAfter(today), "startDate", "must not be in the future");
            if (end != null) {
                errors.check(!end.isBefore(start), "endDate", "must not be before startDate");
            }
        }
        String region = errors.qinghaiRegion("region", request.getRegion());
        String code = errors.text("diagnosisCode", request.getDiagnosisCode(), 16);
        if (code != null) {
            String problem = CodeFormats.icd10Problem(code);
            errors.check(problem == null, "diagnosisCode", problem);
        }
        String diagnosisName = errors.text("diagnosisName", request.getDiagnosisName(), 200);
        BigDecimal total = errors.decimal(
                "totalCost", request.getTotalCost(), DecimalRule.money().max("100000000"));
        BigDecimal selfPaid = errors.decimal(
                "selfPaid", request.getSelfPaid(), DecimalRule.money().max("100000000"));
        if (total != null && selfPaid != null) {
            errors.check(selfPaid.compareTo(total) <= 0, "selfPaid", "must not exceed totalCost");
        }
        errors.check(TREATMENT.equals(request.getPurpose()), "purpose", "must be \"treatment\"");
        errors.check(request.getPrescriptionsCount() <= 50, "prescriptions", "at most 50 per encounter");
        for (int i = 0; i < Math.min(50, request.getPrescriptionsCount()); i++) {
            Prescription p = request.getPrescriptions(i);
            FieldErrors at = errors.at("prescriptions[" + i + "]");
            String drug = at.text("drugCode", p.getDrugCode(), 16);
            if (drug != null) {
                String problem = CodeFormats.atcProblem(drug);
                at.check(problem == null, "drugCode", problem);
            }
            at.text("drugName", p.getDrugName(), 100);
            at.optionalText("dosage", p.getDosage(), 200);
            at.check(p.getDays() >= 1 && p.getDays() <= 365, "days", "must be between 1 and 365");
            LocalDate prescribed = at.optionalDate("prescribedOn", p.getPrescribedOn());
            if (prescribed != null && start != null) {
                at.check(
                        !prescribed.isBefore(start) && !prescribed.isAfter(end == null ? today : end),
                        "prescribedOn",
                        "must lie inside the encounter (" + start + " to " + (end == null ? "today" : end.toString())
                                + ")");
            }
        }
        errors.throwIfAny();
        caller.requireRegion(region);
        ResidentRow r = authorise(request.getIdentityNumber(), request.getPurpose(), "CREATE", "encounter");
        Optional<EncounterRow> replay = encounters.findByRequestId(requestId);
        if (replay.isPresent()) {
            return Protos.encounter(
                    replay.get(),
                    prescriptions.findByEncounterIdOrderByPosition(replay.get().id()));
        }
        UUID id = UUID.randomUUID();
        List<PrescriptionRow> lines = new ArrayList<>();
        List<QualityRules.Line> forQuality = new ArrayList<>();
        for (int i = 0; i < request.getPrescriptionsCount(); i++) {
            Prescription p = request.getPrescriptions(i);
            lines.add(new PrescriptionRow(
                    UUID.randomUUID(),
                    id,
                    i,
                    p.getDrugCode(),
                    p.getDrugName(),
                    p.getDosage(),
                    p.getDays(),
                    p.getPrescribedOn().isBlank() ? null : LocalDate.parse(p.getPrescribedOn())));
            forQuality.add(new QualityRules.Line(p.getDays()));
        }
        List<Finding> findings = quality.encounter(r.birthDate(), r.sex(), type, start, end, code, forQuality, today);
        EncounterRow row = new EncounterRow(
                id,
                requestId,
                r.id(),
                type.name(),
                start,
                end,
                region,
                Levels.of(region),
                caller.organisation(),
                code,
                diagnosisName,
                Money.yuan(total),
                Money.yuan(selfPaid),
                r.sex(),
                Math.max(0, ResidentId.ageOn(r.identityNumber(), start)),
                Finding.encode(findings),
                caller.subject(),
                clock.instant());
        encounters.save(row);
        store.countEncounter(row);
        lines.forEach(prescriptions::save);
        audit.append(Event.granted(TREATMENT, "CREATE", "encounter", id.toString(), r.id()));
        return Protos.encounter(row, lines);
    }

    /** Validates the measurements (at most 20, each kind once, value in its range); the kinds in input order. */
    static List<Measure> measurements(FieldErrors errors, List<Measurement> input) {
        List<Measure> kinds = new ArrayList<>();
        errors.check(input.size() <= 20, "measurements", "at most 20 per entry");
        for (int i = 0; i < Math.min(20, input.size()); i++) {
            Measurement m = input.get(i);
            FieldErrors at = errors.at("measurements[" + i + "]");
            MeasurementKind kind = at.enumValue(
                    "kind", m.getKind(), MeasurementKind.MEASUREMENT_KIND_UNSPECIFIED, MeasurementKind.UNRECOGNIZED);
            Measure measure = kind == null ? null : Measure.of(kind);
            if (measure != null) {
                at.check(!kinds.contains(measure), "kind", "is given twice");
                at.decimal("value", m.getValue(), new DecimalRule(measure.min(), false, measure.max(), 2));
            }
            kinds.add(measure);
        }
        return kinds;
    }

    static String identity(FieldErrors errors, String field, String value, LocalDate today) {
        Optional<String> problem = ResidentId.problem(value, today);
        if (problem.isPresent()) {
            errors.add(field, problem.get());
            return null;
        }
        return value;
    }

    /** GB 11643: the 17th digit is odd for men, even for women. */
    static char sexOf(String identity) {
        return (identity.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
    }
}
