package cn.gov.qinghai.healthdata;

import static cn.gov.qinghai.healthdata.HealthTestSupport.auditor;
import static cn.gov.qinghai.healthdata.HealthTestSupport.clinician;
import static cn.gov.qinghai.healthdata.HealthTestSupport.newIdentity;
import static cn.gov.qinghai.healthdata.HealthTestSupport.registrar;
import static cn.gov.qinghai.healthdata.HealthTestSupport.resident;
import static cn.gov.qinghai.healthdata.HealthTestSupport.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.health.v1.AccessEvent;
import cn.gov.qinghai.health.v1.AddHealthRecordEntryRequest;
import cn.gov.qinghai.health.v1.Consent;
import cn.gov.qinghai.health.v1.Encounter;
import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.health.v1.GetResidentRecordRequest;
import cn.gov.qinghai.health.v1.GrantConsentRequest;
import cn.gov.qinghai.health.v1.HealthRecordEntry;
import cn.gov.qinghai.health.v1.ListRecordAccessesRequest;
import cn.gov.qinghai.health.v1.PlatformLevel;
import cn.gov.qinghai.health.v1.Prescription;
import cn.gov.qinghai.health.v1.RecordEncounterRequest;
import cn.gov.qinghai.health.v1.RegisterResidentRequest;
import cn.gov.qinghai.health.v1.Resident;
import cn.gov.qinghai.health.v1.ResidentRecord;
import cn.gov.qinghai.health.v1.RevokeConsentRequest;
import cn.gov.qinghai.health.v1.SearchEncountersRequest;
import cn.gov.qinghai.health.v1.SearchEncountersResponse;
import cn.gov.qinghai.health.v1.Sex;
import cn.gov.qinghai.kit.identity.AuditActors;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Records, consent-based access control and audited reads, over real gRPC against real PostgreSQL. */
class RecordsAndAccessTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = HealthTestSupport.SERVICE;

    private final RunningService service = SERVICE.service();
    private static final String XINING_CITY_HOSPITAL = "xining-first-hospital";

    private Resident register(String identity, String county) {
        return stub(service, registrar("630100"))
                .registerResident(RegisterResidentRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setIdentityNumber(identity)
                        .setName("卓玛")
                        .setRegion(county)
                        .setHealthCardNumber("QH" + identity.substring(10))
                        .build());
    }

    private ResidentRecord read(String identity, io.grpc.CallCredentials as) {
        return stub(service, as)
                .getResidentRecord(GetResidentRecordRequest.newBuilder()
                        .setIdentityNumber(identity)
                        .setPurpose("treatment")
                        .build());
    }

    private Consent grant(String identity, String org) {
        return stub(service, resident(identity))
                .grantConsent(GrantConsentRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setIdentityNumber(identity)
                        .setOrganisation(org)
                        .setPurpose("treatment")
                        .setValidFrom(LocalDate.now().minusDays(1).toString())
                        .build());
    }

    private Encounter encounter(String identity, String org, String code, int days) {
        return stub(service, clinician(org, "630100"))
                .recordEncounter(RecordEncounterRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setIdentityNumber(identity)
                        .setPurpose("treatment")
                        .setType(EncounterType.OUTPATIENT)
                        .setStartDate("2026-03-02")
                        .setRegion("630102")
                        .setDiagnosisCode(code)
                        .setDiagnosisName("高血压")
                        .setTotalCost("320.50")
                        .setSelfPaid("96.15")
                        .addPrescriptions(Prescription.newBuilder()
                                .setDrugCode("C09AA02")
                                .setDrugName("依那普利")
                                .setDosage("10 mg qd")
                                .setDays(days))
                        .build());
    }

    private static GrpcErrorDetails denied(Runnable call) {
        return GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, call::run));
    }

    @Test
    void healthIsServing() {
        assertEquals(
                HealthCheckResponse.ServingStatus.SERVING,
                HealthGrpc.newBlockingStub(service.channel())
                        .check(HealthCheckRequest.newBuilder().build())
                        .getStatus());
    }

    @Test
    void registrationDerivesSexBirthAndLevelAndReportsEveryInvalidField() {
        String id = newIdentity("630102", "19850312", false);
        Resident r = register(id, "630102");
        assertEquals(Sex.FEMALE, r.getSex());
        assertEquals("1985-03-12", r.getBirthDate());
        assertEquals(PlatformLevel.COUNTY, r.getLevel());
        assertTrue(r.getQualityList().isEmpty());

        GrpcErrorDetails e = denied(() -> stub(service, registrar("630100"))
                .registerResident(RegisterResidentRequest.newBuilder()
                        .setIdentityNumber("630102198503121234")
                        .setName("")
                        .setRegion("110101")
                        .setHealthCardNumber("bad card")
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(List.of("requestId", "identityNumber", "name", "healthCardNumber", "region"), e.fields());

        Resident noCard = stub(service, registrar("630100"))
                .registerResident(RegisterResidentRequest.newBuilder()
                        .setRequestId("no-card-" + id)
                        .setIdentityNumber(newIdentity("630100", "19700101", true))
                        .setName("才让")
                        .setRegion("630100")
                        .build());
        assertEquals("HEALTH_CARD_MISSING", noCard.getQuality(0).getCode());
        assertEquals(PlatformLevel.PREFECTURE, noCard.getLevel());
    }

    @Test
    void aReadWithoutConsentIsDeniedAndAuditedThenAllowedAfterGrantAndDeniedAfterRevoke() {
        String id = newIdentity("630102", "19600101", true);
        register(id, "630102");
        var doctor = clinician(XINING_CITY_HOSPITAL, "630100");

        GrpcErrorDetails before = denied(() -> read(id, doctor));
        assertEquals(Status.Code.PERMISSION_DENIED, before.code());
        assertEquals("ACCESS_DENIED", before.reason());

        Consent consent = grant(id, XINING_CITY_HOSPITAL);
        assertTrue(consent.getActive());
        ResidentRecord record = read(id, doctor);
        assertEquals(id, record.getResident().getIdentityNumber());

        stub(service, resident(id))
                .revokeConsent(RevokeConsentRequest.newBuilder()
                        .setConsentId(consent.getId())
                        .setIdentityNumber(id)
                        .build());
        assertEquals("ACCESS_DENIED", denied(() -> read(id, doctor)).reason());

        List<AccessEvent> log = stub(service, resident(id))
                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                        .setIdentityNumber(id)
                        .build())
                .getEventsList();
        List<String> reads = log.stream()
                .filter(ev -> ev.getAction().equals("READ") && ev.getResource().equals("resident"))
                .map(AccessEvent::getOutcome)
                .toList();
        assertEquals(List.of("DENIED", "GRANTED", "DENIED"), reads, "newest first: denied, granted, denied");
        assertTrue(log.stream()
                .allMatch(ev -> ev.getActor().equals("dr-" + XINING_CITY_HOSPITAL)
                        || ev.getActor().startsWith("registrar")));
    }

    @Test
    void aResidentSeesAnotherResidentsAttemptByRoleNeverByTheirIdentityNumber() {
        String her = newIdentity("630102", "19700505", false);
        String him = newIdentity("630123", "19900101", true);
        register(her, "630102");
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                denied(() -> read(her, resident(him))).code());
        assertEquals(
                "ACCESS_DENIED",
                denied(() -> stub(service, resident(him))
                                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                                        .setIdentityNumber(her)
                                        .build()))
                        .reason());

        List<AccessEvent> log = stub(service, resident(her))
                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                        .setIdentityNumber(her)
                        .build())
                .getEventsList();
        List<AccessEvent> byHim =
                log.stream().filter(ev -> ev.getOutcome().equals("DENIED")).toList();
        assertFalse(byHim.isEmpty(), "his attempts are in her log");
        assertTrue(byHim.stream().allMatch(ev -> ev.getActor().equals(AuditActors.RESIDENT_LABEL)), byHim.toString());
        assertTrue(log.stream().noneMatch(ev -> ev.toString().contains(him.substring(6, 14))), log.toString());
        // an auditor sees the same names: an identity number is never shown beyond its owner
        List<AccessEvent> audited = stub(service, auditor())
                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                        .setIdentityNumber(her)
                        .build())
                .getEventsList();
        assertTrue(audited.stream().noneMatch(ev -> ev.getActor().contains(him.substring(6, 14))));
    }

    @Test
    void aDenialLooksTheSameWhetherOrNotTheRecordExists() {
        String existing = newIdentity("630102", "19610101", true);
        register(existing, "630102");
        String unknown = newIdentity("630102", "19610101", true);
        var doctor = clinician(XINING_CITY_HOSPITAL, "630100");
        GrpcErrorDetails a = denied(() -> read(existing, doctor));
        GrpcErrorDetails b = denied(() -> read(unknown, doctor));
        assertEquals(a.code(), b.code());
        assertEquals(a.reason(), b.reason());
        assertEquals(a.message(), b.message());
    }

    @Test
    void consentDoesNotReachOutsideTheCallersRegionOrOtherOrganisations() {
        String id = newIdentity("632801", "19700505", false);
        stub(service, registrar("632800"))
                .registerResident(RegisterResidentRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setIdentityNumber(id)
                        .setName("拉毛")
                        .setRegion("632801")
                        .build());
        grant(id, XINING_CITY_HOSPITAL);
        // consent for the organisation, but the doctor's scope is Xining, the resident lives in Haixi
        assertEquals(
                "ACCESS_DENIED",
                denied(() -> read(id, clinician(XINING_CITY_HOSPITAL, "630100")))
                        .reason());
        // province-wide scope, same organisation: allowed
        assertEquals(
                id,
                read(id, clinician(XINING_CITY_HOSPITAL, "630000"))
                        .getResident()
                        .getIdentityNumber());
        // another organisation without consent
        assertEquals(
                "ACCESS_DENIED",
                denied(() -> read(id, clinician("haixi-hospital", "632800"))).reason());
        // a role that may not claim "treatment"
        assertEquals(
                "PURPOSE_NOT_ALLOWED",
                denied(() -> read(id, HealthTestSupport.dibaoVerifier())).reason());
        // the resident reads their own record with purpose self
        assertEquals(
                id,
                stub(service, resident(id))
                        .getResidentRecord(GetResidentRecordRequest.newBuilder()
                                .setIdentityNumber(id)
                                .setPurpose("self")
                                .build())
                        .getResident()
                        .getIdentityNumber());
    }

    @Test
    void encountersCheckIcd10AndAtcCodesAndCarryQualityFindings() {
        String id = newIdentity("630102", "19550707", true);
        register(id, "630102");
        grant(id, XINING_CITY_HOSPITAL);
        Encounter e = encounter(id, XINING_CITY_HOSPITAL, "I10.x00x002", 30);
        assertEquals(PlatformLevel.COUNTY, e.getLevel());
        assertEquals("PRESCRIPTION_DAYS_OVER_LIMIT", e.getQuality(0).getCode());
        assertEquals("prescriptions[0].days", e.getQuality(0).getField());
        assertEquals("96.15", e.getSelfPaid());

        GrpcErrorDetails bad = denied(() -> stub(service, clinician(XINING_CITY_HOSPITAL, "630100"))
                .recordEncounter(RecordEncounterRequest.newBuilder()
                        .setRequestId("bad-" + id)
                        .setIdentityNumber(id)
                        .setPurpose("treatment")
                        .setType(EncounterType.INPATIENT)
                        .setStartDate("2026-03-05")
                        .setEndDate("2026-03-01")
                        .setRegion("630102")
                        .setDiagnosisCode("hypertension")
                        .setDiagnosisName("x")
                        .setTotalCost("10")
                        .setSelfPaid("20")
                        .addPrescriptions(Prescription.newBuilder()
                                .setDrugCode("enalapril")
                                .setDrugName("x")
                                .setDays(0))
                        .build()));
        assertEquals(
                List.of("endDate", "diagnosisCode", "selfPaid", "prescriptions[0].drugCode", "prescriptions[0].days"),
                bad.fields());

        HealthRecordEntry entry = stub(service, clinician(XINING_CITY_HOSPITAL, "630100"))
                .addHealthRecordEntry(AddHealthRecordEntryRequest.newBuilder()
                        .setRequestId("entry-" + id)
                        .setIdentityNumber(id)
                        .setPurpose("treatment")
                        .setKind("CHRONIC_FOLLOW_UP")
                        .setRecordedOn("2026-03-02")
                        .setSummary("血压 150/95")
                        .setRegion("630100")
                        .build());
        assertEquals(PlatformLevel.PREFECTURE, entry.getLevel());
        ResidentRecord record = read(id, clinician(XINING_CITY_HOSPITAL, "630100"));
        assertEquals(1, record.getEncountersCount());
        assertEquals(1, record.getEntriesCount());
        assertEquals("C09AA02", record.getEncounters(0).getPrescriptions(0).getDrugCode());
    }

    @Test
    void aRetriedEncounterIsStoredOnce() {
        String id = newIdentity("630102", "19580808", false);
        register(id, "630102");
        grant(id, XINING_CITY_HOSPITAL);
        RecordEncounterRequest request = RecordEncounterRequest.newBuilder()
                .setRequestId("retry-" + id)
                .setIdentityNumber(id)
                .setPurpose("treatment")
                .setType(EncounterType.OUTPATIENT)
                .setStartDate("2026-02-02")
                .setRegion("630102")
                .setDiagnosisCode("J18.9")
                .setDiagnosisName("肺炎")
                .setTotalCost("100")
                .setSelfPaid("30")
                .build();
        var doctor = clinician(XINING_CITY_HOSPITAL, "630100");
        Encounter first = stub(service, doctor).recordEncounter(request);
        Encounter second = stub(service, doctor).recordEncounter(request);
        assertEquals(first.getId(), second.getId());
        assertEquals(1, read(id, doctor).getEncountersCount());
    }

    @Test
    void searchShowsAndCountsOnlyRecordsTheCallerMaySee() {
        String org = "search-clinic-" + UUID.randomUUID();
        String visible = newIdentity("630102", "19660606", true);
        String hidden = newIdentity("630102", "19660606", false);
        register(visible, "630102");
        register(hidden, "630102");
        grant(visible, org);
        grant(hidden, org);
        encounter(visible, org, "E11.9", 7);
        encounter(hidden, org, "E11.9", 7);
        encounter(hidden, org, "E11.9", 7);
        // the hidden resident withdraws consent: their encounters vanish from the results and from the count
        var consents = stub(service, resident(hidden))
                .listConsents(cn.gov.qinghai.health.v1.ListConsentsRequest.newBuilder()
                        .setIdentityNumber(hidden)
                        .build());
        stub(service, resident(hidden))
                .revokeConsent(RevokeConsentRequest.newBuilder()
                        .setConsentId(consents.getConsents(0).getId())
                        .setIdentityNumber(hidden)
                        .build());
        SearchEncountersResponse found = stub(service, clinician(org, "630100"))
                .searchEncounters(SearchEncountersRequest.newBuilder()
                        .setPurpose("treatment")
                        .setDiagnosisPrefix("E11")
                        .build());
        assertEquals(1, found.getTotalSize());
        assertEquals(1, found.getHitsCount());
        assertFalse(found.getHits(0).getIdentityNumber().equals(visible), "identity numbers are masked in results");
        assertTrue(found.getHits(0).getIdentityNumber().contains("********"));
        // the visible resident sees the search in their access log
        assertTrue(stub(service, resident(visible))
                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                        .setIdentityNumber(visible)
                        .build())
                .getEventsList()
                .stream()
                .anyMatch(ev -> ev.getAction().equals("QUERY") && ev.getActor().equals("dr-" + org)));
    }

    @Test
    void anAuditorMaySeeAccessesButAnotherResidentMayNot() {
        String id = newIdentity("630102", "19620202", true);
        register(id, "630102");
        assertTrue(
                stub(service, auditor())
                                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                                        .setIdentityNumber(id)
                                        .build())
                                .getTotalSize()
                        >= 1,
                "the registration is listed");
        String other = newIdentity("630102", "19620202", false);
        assertEquals(
                "ACCESS_DENIED",
                denied(() -> stub(service, resident(other))
                                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                                        .setIdentityNumber(id)
                                        .build()))
                        .reason());
    }
}
