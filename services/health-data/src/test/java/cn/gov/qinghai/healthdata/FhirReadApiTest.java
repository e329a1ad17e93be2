package cn.gov.qinghai.healthdata;

import static cn.gov.qinghai.healthdata.HealthTestSupport.auditor;
import static cn.gov.qinghai.healthdata.HealthTestSupport.clinician;
import static cn.gov.qinghai.healthdata.HealthTestSupport.resident;
import static cn.gov.qinghai.healthdata.HealthTestSupport.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.health.v1.ExportResidentFhirRequest;
import cn.gov.qinghai.health.v1.FhirResource;
import cn.gov.qinghai.health.v1.GetFhirCapabilityStatementRequest;
import cn.gov.qinghai.health.v1.GetFhirDefinitionRequest;
import cn.gov.qinghai.health.v1.GetFhirPatientEverythingRequest;
import cn.gov.qinghai.health.v1.GetFhirPatientRequest;
import cn.gov.qinghai.health.v1.ListFhirAuditEventsRequest;
import cn.gov.qinghai.health.v1.ListRecordAccessesRequest;
import cn.gov.qinghai.healthdata.fhir.Fhir;
import cn.gov.qinghai.healthdata.fhir.FhirSystems;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.CallCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The FHIR read API over real gRPC and PostgreSQL: every answer validated strictly, access and audit as for reads. */
class FhirReadApiTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = HealthTestSupport.SERVICE;

    private static final String BASE = "http://gateway.test/fhir";
    private final RunningService service = SERVICE.service();

    private String patientId(String identity) {
        Bundle b = (Bundle) Fhir.parser()
                .parseResource(stub(service, resident(identity))
                        .exportResidentFhir(ExportResidentFhirRequest.newBuilder()
                                .setIdentityNumber(identity)
                                .setPurpose("self")
                                .build())
                        .getFhirJson());
        return ((Patient) b.getEntryFirstRep().getResource())
                .getIdElement()
                .getIdPart()
                .replace("urn:uuid:", "");
    }

    private Bundle everything(CallCredentials as, GetFhirPatientEverythingRequest.Builder request) {
        FhirResource r = stub(service, as)
                .getFhirPatientEverything(request.setBaseUrl(BASE).build());
        assertEquals("Bundle", r.getResourceType());
        FhirValidation.assertValid(r.getFhirJson());
        Bundle b = (Bundle) Fhir.parser().parseResource(r.getFhirJson());
        FhirExportTest.assertReferencesResolveInside(b);
        return b;
    }

    @Test
    void metadataAndDefinitionsArePublicAndValid() {
        FhirResource cs = stub(service, null)
                .getFhirCapabilityStatement(GetFhirCapabilityStatementRequest.newBuilder()
                        .setBaseUrl(BASE)
                        .build());
        FhirValidation.assertValid(cs.getFhirJson());
        CapabilityStatement statement = (CapabilityStatement) Fhir.parser().parseResource(cs.getFhirJson());
        assertEquals("4.0.1", statement.getFhirVersion().toCode());
        assertEquals(
                "everything",
                statement
                        .getRestFirstRep()
                        .getResource()
                        .get(0)
                        .getOperationFirstRep()
                        .getName());

        for (String id : new String[] {"icd-10-cn-clinical", "gb-t-2260", "record-entry-kind"}) {
            FhirResource r = stub(service, null)
                    .getFhirDefinition(GetFhirDefinitionRequest.newBuilder()
                            .setResourceType("CodeSystem")
                            .setId(id)
                            .build());
            assertEquals("CodeSystem", r.getResourceType());
            FhirValidation.assertValid(r.getFhirJson());
        }
        // The extension's definition is served, and the validator enforces it: an address whose region code is
        // not a code breaks it. (Validating the StructureDefinition instance itself needs the hl7.fhir.r4.core
        // NPM package, which the offline validator here does not load; see docs/health-data.md.)
        FhirResource sd = stub(service, null)
                .getFhirDefinition(GetFhirDefinitionRequest.newBuilder()
                        .setResourceType("StructureDefinition")
                        .setId("qinghai-region-code")
                        .build());
        assertTrue(sd.getFhirJson().contains("\"snapshot\""));
        Patient wrong = new Patient();
        wrong.addAddress().addExtension(FhirSystems.REGION_EXTENSION, new org.hl7.fhir.r4.model.StringType("西宁"));
        assertTrue(
                FhirValidation.messages(Fhir.json(wrong)).stream()
                        .anyMatch(m -> m.getSeverity() == ca.uhn.fhir.validation.ResultSeverityEnum.ERROR),
                "a string where the code belongs is an error");
        assertEquals(
                Status.Code.NOT_FOUND,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> stub(service, null)
                                        .getFhirDefinition(GetFhirDefinitionRequest.newBuilder()
                                                .setResourceType("CodeSystem")
                                                .setId("nope")
                                                .build()))
                        .getStatus()
                        .getCode());
    }

    @Test
    void patientReadsNeedConsentAndADenialLooksLikeAbsence() {
        String identity = FhirExportTest.hypertensiveResident(service);
        String id = patientId(identity);
        var doctor = stub(service, clinician(FhirExportTest.HOSPITAL, "630100"));
        FhirResource p = doctor.getFhirPatient(
                GetFhirPatientRequest.newBuilder().setPatientId(id).build());
        FhirValidation.assertValid(p.getFhirJson());
        assertEquals("Patient", p.getResourceType());

        GrpcErrorDetails otherHospital = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> stub(service, clinician("other-hospital", "630100"))
                        .getFhirPatient(GetFhirPatientRequest.newBuilder()
                                .setPatientId(id)
                                .build())));
        GrpcErrorDetails unknown = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> doctor.getFhirPatient(GetFhirPatientRequest.newBuilder()
                        .setPatientId(UUID.randomUUID().toString())
                        .build())));
        assertEquals(otherHospital.code(), unknown.code());
        assertEquals(otherHospital.reason(), unknown.reason());
        assertEquals(otherHospital.message(), unknown.message());

        GrpcErrorDetails malformed = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> doctor.getFhirPatient(GetFhirPatientRequest.newBuilder()
                        .setPatientId(identity)
                        .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, malformed.code());
        assertFalse(malformed.message().contains(identity.substring(6, 14)), "the identity number is not echoed");

        List<String> log = stub(service, resident(identity))
                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                        .setIdentityNumber(identity)
                        .build())
                .getEventsList()
                .stream()
                .map(e -> e.getAction() + " " + e.getOutcome())
                .toList();
        assertEquals(List.of("READ DENIED", "READ GRANTED"), log.subList(0, 2), "every FHIR read is audited");
    }

    @Test
    void everythingPagesFiltersAndIncludesWhatMatchesReferTo() {
        String identity = FhirExportTest.hypertensiveResident(service);
        String id = patientId(identity);
        CallCredentials self = resident(identity);
        Bundle all = everything(
                self,
                GetFhirPatientEverythingRequest.newBuilder().setPatientId(id).setCount(200));
        int total = all.getTotal();
        assertTrue(total > 20, "matches: " + total);

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        int pages = 0;
        for (int offset = 0; offset < total; offset += 7) {
            Bundle page = everything(
                    self,
                    GetFhirPatientEverythingRequest.newBuilder()
                            .setPatientId(id)
                            .setCount(7)
                            .setOffset(offset));
            pages++;
            assertEquals(total, page.getTotal());
            page.getEntry().stream()
                    .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                    .forEach(e -> {
                        assertTrue(seen.add(e.getFullUrl()), "a match appears on one page only");
                        order.add(e.getFullUrl());
                    });
            assertEquals(offset + 7 < total, page.getLink("next") != null);
            assertTrue(page.getLink("self").getUrl().startsWith(BASE + "/Patient/" + id + "/$everything?"));
        }
        assertEquals(total, seen.size());
        assertEquals((total + 6) / 7, pages);

        Bundle observations = everything(
                self,
                GetFhirPatientEverythingRequest.newBuilder().setPatientId(id).addTypes("Observation"));
        assertTrue(observations.getEntry().stream()
                .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .allMatch(e -> e.getResource().fhirType().equals("Observation")));
        assertTrue(
                observations.getEntry().stream()
                        .anyMatch(e -> e.getResource().fhirType().equals("Patient")
                                && e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE),
                "the patient comes along as include");

        String tenDaysAgo = FhirExportTest.TODAY_FOR_TESTS.minusDays(10).toString();
        Bundle recent = everything(
                self,
                GetFhirPatientEverythingRequest.newBuilder()
                        .setPatientId(id)
                        .setStart(tenDaysAgo)
                        .addTypes("Encounter,Observation"));
        long encounters = recent.getEntry().stream()
                .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH
                        && e.getResource().fhirType().equals("Encounter"))
                .count();
        assertEquals(1, encounters, "only the open stay of 3 days ago overlaps the last 10 days");

        Bundle since = everything(
                self,
                GetFhirPatientEverythingRequest.newBuilder().setPatientId(id).setSince("2999-01-01"));
        assertEquals(1, since.getTotal(), "nothing changed since then; the Patient heads the answer");

        GrpcErrorDetails bad = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> stub(service, self)
                        .getFhirPatientEverything(GetFhirPatientEverythingRequest.newBuilder()
                                .setPatientId(id)
                                .addTypes("Claim")
                                .setStart("2026-13-01")
                                .setCount(500)
                                .setSince("yesterday")
                                .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.code());
        assertEquals(List.of("_since", "_type", "start", "_count"), bad.fields());
    }

    @Test
    void theAuditTrailReadsAsBalpAuditEvents() {
        String identity = FhirExportTest.hypertensiveResident(service);
        String id = patientId(identity);
        assertThrows(
                StatusRuntimeException.class,
                () -> stub(service, clinician("other-hospital", "630100"))
                        .getFhirPatient(GetFhirPatientRequest.newBuilder()
                                .setPatientId(id)
                                .build()));
        FhirResource r = stub(service, auditor())
                .listFhirAuditEvents(ListFhirAuditEventsRequest.newBuilder()
                        .setPatientId(id)
                        .setCount(50)
                        .setBaseUrl(BASE)
                        .build());
        FhirValidation.assertValid(r.getFhirJson());
        Bundle b = (Bundle) Fhir.parser().parseResource(r.getFhirJson());
        List<AuditEvent> events = FhirExportTest.all(b, AuditEvent.class);
        assertTrue(events.size() >= 8, "registration, consents, encounters, entries, export, the denied read");
        AuditEvent denied = events.stream()
                .filter(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._4)
                .findFirst()
                .orElseThrow();
        assertEquals(
                "TREAT", denied.getPurposeOfEventFirstRep().getCodingFirstRep().getCode());
        assertTrue(denied.getAgentFirstRep().getRequestor());
        assertFalse(r.getFhirJson().contains(identity), "identity numbers are masked in audit events");

        assertEquals(
                Status.Code.PERMISSION_DENIED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> stub(service, resident(FhirExportTest.hypertensiveResident(service)))
                                        .listFhirAuditEvents(ListFhirAuditEventsRequest.newBuilder()
                                                .setPatientId(id)
                                                .build()))
                        .getStatus()
                        .getCode());
    }
}
