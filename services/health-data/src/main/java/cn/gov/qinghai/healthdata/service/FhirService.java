package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.FhirResource;
import cn.gov.qinghai.health.v1.GetFhirCapabilityStatementRequest;
import cn.gov.qinghai.health.v1.GetFhirDefinitionRequest;
import cn.gov.qinghai.health.v1.GetFhirPatientEverythingRequest;
import cn.gov.qinghai.health.v1.GetFhirPatientRequest;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.fhir.Capability;
import cn.gov.qinghai.healthdata.fhir.Definitions;
import cn.gov.qinghai.healthdata.fhir.EverythingBundle;
import cn.gov.qinghai.healthdata.fhir.Fhir;
import cn.gov.qinghai.healthdata.fhir.RecordItem;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR read API (gateway {@code /fhir}): CapabilityStatement, published definitions, {@code Patient/{id}} and
 * {@code Patient/{id}/$everything}. Records are addressed by logical id; access, denials and audit are exactly those
 * of {@link RecordService#read} (an unknown id is denied like a hidden record). The purpose of use follows the
 * caller's role (see {@link #purposeOf}).
 */
@Singleton
public class FhirService {

    private final RecordService records;
    private final FhirRecords fhir;
    private final AuditTrail audit;
    private final Clock clock;

    public FhirService(RecordService records, FhirRecords fhir, AuditTrail audit, Clock clock) {
        this.records = records;
        this.fhir = fhir;
        this.audit = audit;
        this.clock = clock;
    }

    public FhirResource capabilityStatement(GetFhirCapabilityStatementRequest request) {
        return resource(Capability.statement(request.getBaseUrl(), clock.instant()));
    }

    public FhirResource definition(GetFhirDefinitionRequest request) {
        FieldErrors errors = new FieldErrors();
        String type = errors.text("resourceType", request.getResourceType(), 40);
        String id = errors.text("id", request.getId(), 64);
        errors.throwIfAny();
        return resource(Definitions.find(type, id)
                .orElseThrow(() -> ServiceException.notFound(
                        "FHIR_RESOURCE_NOT_FOUND", type + "/" + id + " is not published here")));
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public FhirResource patient(GetFhirPatientRequest request) {
        FieldErrors errors = new FieldErrors();
        UUID id = uuid(errors, "patientId", request.getPatientId());
        errors.throwIfAny();
        String purpose = purposeOf(Caller.current());
        ResidentRow r = records.authoriseById(id, purpose, "READ", "resident");
        Resource patient = fhir.items(r, purpose).get(0).resource();
        audit.append(Event.granted(purpose, "READ", "resident", r.id().toString(), r.id())
                .withDetail("fhir=Patient"));
        return resource(patient);
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public FhirResource everything(GetFhirPatientEverythingRequest request) {
        FieldErrors errors = new FieldErrors();
        UUID id = uuid(errors, "patientId", request.getPatientId());
        Instant since = instant(errors, "_since", request.getSince());
        Set<String> types = new LinkedHashSet<>();
        for (String t : request.getTypesList()) {
            for (String one : t.split(",")) {
                errors.check(
                        EverythingBundle.TYPES.contains(one.trim()),
                        "_type",
                        "'" + clip(one)
                                + "' is not a type $everything returns; one of "
                                + EverythingBundle.TYPES.stream().sorted().toList());
                types.add(one.trim());
            }
        }
        LocalDate start = errors.optionalDate("start", request.getStart());
        LocalDate end = errors.optionalDate("end", request.getEnd());
        if (start != null && end != null) {
            errors.check(!end.isBefore(start), "end", "must not be before start");
        }
        int count = request.getCount() == 0 ? EverythingBundle.Query.DEFAULT_COUNT : request.getCount();
        errors.check(
                count >= 1 && count <= EverythingBundle.Query.MAX_COUNT,
                "_count",
                "must be between 1 and " + EverythingBundle.Query.MAX_COUNT);
        errors.check(request.getOffset() >= 0, "_offset", "must not be negative");
        errors.throwIfAny();
        String purpose = purposeOf(Caller.current());
        ResidentRow r = records.authoriseById(id, purpose, "EXPORT", "resident");
        List<RecordItem> items = fhir.items(r, purpose);
        var query = new EverythingBundle.Query(since, types, start, end, count, request.getOffset());
        String base = request.getBaseUrl().isBlank() ? "" : request.getBaseUrl();
        var bundle = EverythingBundle.page(items, query, clock.instant(), base + "/Patient/" + r.id() + "/$everything");
        audit.append(Event.granted(purpose, "EXPORT", "resident", r.id().toString(), r.id())
                .withDetail("format=fhir-r4 $everything offset=" + request.getOffset() + " entries="
                        + bundle.getEntry().size()));
        return resource(bundle);
    }

    /**
     * The purpose of use a FHIR read claims, from the caller's role (FHIR reads carry no purpose field): a resident
     * reads their own record (self), a clinician treats (treatment, needs consent), a dibao verifier verifies
     * (dibao-verification, purpose-limited content). Any other caller claims nothing and is refused by the policy.
     */
    static String purposeOf(Caller caller) {
        if (caller.hasRole("health:resident")) {
            return AccessPolicy.SELF;
        }
        if (caller.hasRole("health:clinician")) {
            return RecordService.TREATMENT;
        }
        if (caller.hasRole("dibao:verifier")) {
            return FhirRecords.DIBAO_VERIFICATION;
        }
        return "none";
    }

    static FhirResource resource(Resource r) {
        return FhirResource.newBuilder()
                .setFhirJson(Fhir.json(r))
                .setResourceType(r.fhirType())
                .build();
    }

    static UUID uuid(FieldErrors errors, String field, String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        // the value is not echoed: a caller who put an identity number here must not see it in logs or replies
        errors.add(field, "must be a logical id (a UUID such as 0b5a8f4e-1c2d-4e6f-9a7b-3c4d5e6f7a8b)");
        return null;
    }

    /** FHIR _since: an instant with offset, or a date (start of that day, Beijing time). */
    static Instant instant(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value)
                            .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                            .toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(
                    field,
                    "must be an instant such as 2026-01-01T00:00:00+08:00 or a date, found '" + clip(value) + "'");
            return null;
        }
    }

    private static String clip(String v) {
        String s = v == null ? "" : v.length() > 40 ? v.substring(0, 40) + "…" : v;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
