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

import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.health.v1.GetMajorMedicalExpensesRequest;
import cn.gov.qinghai.health.v1.GrantConsentRequest;
import cn.gov.qinghai.health.v1.ListRecordAccessesRequest;
import cn.gov.qinghai.health.v1.MajorMedicalExpenses;
import cn.gov.qinghai.health.v1.Prescription;
import cn.gov.qinghai.health.v1.RecordEncounterRequest;
import cn.gov.qinghai.health.v1.RegisterResidentRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FHIR export and the dibao contract, over real gRPC against real PostgreSQL. */
class ExportAndDibaoTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = HealthTestSupport.SERVICE;

    private final RunningService service = SERVICE.service();
    private static final String ORG = "haidong-hospital";

    private String residentWithEncounters() {
        String id = newIdentity("630202", "19720909", true);
        stub(service, registrar("630200"))
                .registerResident(RegisterResidentRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setIdentityNumber(id)
                        .setName("马福")
                        .setHealthCardNumber("QHHC" + id.substring(8))
                        .setRegion("630202")
                        .build());
        stub(service, resident(id))
                .grantConsent(GrantConsentRequest.newBuilder()
                        .setRequestId("c-" + id)
                        .setIdentityNumber(id)
                        .setOrganisation(ORG)
                        .setPurpose("treatment")
                        .setValidFrom("2025-01-01")
                        .build());
        var doctor = stub(service, clinician(ORG, "630200"));
        // 2025: an inpatient stay (counts), lung cancer outpatient care (counts), a cold (does not count)
        doctor.recordEncounter(encounter(
                        id, EncounterType.INPATIENT, "2025-03-01", "2025-03-12", "K35.8", "阑尾炎", "18000.00", "5400.40")
                .addPrescriptions(Prescription.newBuilder()
                        .setDrugCode("J01DD04")
                        .setDrugName("头孢曲松")
                        .setDays(5))
                .build());
        doctor.recordEncounter(
                encounter(id, EncounterType.OUTPATIENT, "2025-06-02", "", "C34.9", "肺癌", "3000.00", "1200.31")
                        .build());
        doctor.recordEncounter(
                encounter(id, EncounterType.OUTPATIENT, "2025-07-02", "", "J06.9", "上呼吸道感染", "80.00", "30.00")
                        .build());
        // 2024: does not count for 2025
        doctor.recordEncounter(
                encounter(id, EncounterType.INPATIENT, "2024-12-20", "2024-12-30", "J18.9", "肺炎", "9000.00", "2700.00")
                        .build());
        return id;
    }

    private static RecordEncounterRequest.Builder encounter(
            String id,
            EncounterType type,
            String start,
            String end,
            String code,
            String name,
            String total,
            String self) {
        return RecordEncounterRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setIdentityNumber(id)
                .setPurpose("treatment")
                .setType(type)
                .setStartDate(start)
                .setEndDate(end)
                .setRegion("630202")
                .setDiagnosisCode(code)
                .setDiagnosisName(name)
                .setTotalCost(total)
                .setSelfPaid(self);
    }

    private MajorMedicalExpenses expenses(io.grpc.CallCredentials as, String id, String purpose) {
        return stub(service, as)
                .getMajorMedicalExpenses(GetMajorMedicalExpensesRequest.newBuilder()
                        .setIdentityNumber(id)
                        .setYear(2025)
                        .setPurpose(purpose)
                        .setCaseReference("DB-2026-0001")
                        .build());
    }

    @Test
    void dibaoGetsTheYearsOutOfPocketMajorExpensesOnlyWithItsRoleAndPurpose() {
        String id = residentWithEncounters(); // recorded in 630202 (平安区, 海东市)
        var haidongVerifier = RunningService.asOrg("verifier-2", "630202", "civil-affairs-630202", "dibao:verifier");
        MajorMedicalExpenses m = expenses(haidongVerifier, id, "dibao-verification");
        assertTrue(m.getRecordsFound());
        // 5400.40 + 1200.31 = 6600.71 (the cold and the 2024 stay do not count)
        assertEquals("6600.71", m.getTotal());
        assertEquals(2, m.getItemsCount());
        assertEquals("inpatient", m.getItems(0).getReason());
        assertTrue(m.getItems(1).getReason().startsWith("major disease C"));
        assertFalse(m.getExplanation().getStepsList().isEmpty());
        assertTrue(m.getIdentityNumber().contains("********"));

        GrpcErrorDetails wrongPurpose = GrpcErrorDetails.of(
                assertThrows(StatusRuntimeException.class, () -> expenses(haidongVerifier, id, "treatment")));
        assertEquals(Status.Code.PERMISSION_DENIED, wrongPurpose.code());
        GrpcErrorDetails wrongRole = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class, () -> expenses(clinician(ORG, "630000"), id, "dibao-verification")));
        assertEquals(Status.Code.PERMISSION_DENIED, wrongRole.code());
        GrpcErrorDetails otherCounty = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> expenses(HealthTestSupport.dibaoVerifier(), id, "dibao-verification"))); // Xining's 630102
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                otherCounty.code(),
                "a verifier's region limits whom they may ask about");

        var log = stub(service, auditor())
                .listRecordAccesses(ListRecordAccessesRequest.newBuilder()
                        .setIdentityNumber(id)
                        .build())
                .getEventsList()
                .stream()
                .filter(e -> e.getResource().equals("medical-expenses"))
                .map(e -> e.getOutcome())
                .toList();
        assertEquals(List.of("DENIED", "DENIED", "DENIED", "GRANTED"), log);

        MajorMedicalExpenses unknown = expenses(
                HealthTestSupport.dibaoVerifier(), newIdentity("630202", "19720909", false), "dibao-verification");
        assertFalse(unknown.getRecordsFound());
        assertEquals("0.00", unknown.getTotal());
    }
}
