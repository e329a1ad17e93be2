package cn.gov.qinghai.healthdata;

import static cn.gov.qinghai.healthdata.HealthTestSupport.clinician;
import static cn.gov.qinghai.healthdata.HealthTestSupport.newIdentity;
import static cn.gov.qinghai.healthdata.HealthTestSupport.registrar;
import static cn.gov.qinghai.healthdata.HealthTestSupport.resident;
import static cn.gov.qinghai.healthdata.HealthTestSupport.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.health.v1.AddHealthRecordEntryRequest;
import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.health.v1.ExportResidentFhirRequest;
import cn.gov.qinghai.health.v1.GrantConsentRequest;
import cn.gov.qinghai.health.v1.Measurement;
import cn.gov.qinghai.health.v1.MeasurementKind;
import cn.gov.qinghai.health.v1.Prescription;
import cn.gov.qinghai.health.v1.RecordEncounterRequest;
import cn.gov.qinghai.health.v1.RegisterResidentRequest;
import cn.gov.qinghai.health.v1.RevokeConsentRequest;
import cn.gov.qinghai.healthdata.fhir.Fhir;
import cn.gov.qinghai.healthdata.fhir.FhirSystems;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.CallCredentials;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Realistic exports (several residents; open and closed stays, national clinical ICD-10 codes, prescriptions with
 * structured dosage, health-record entries with measurements, granted and revoked consents) checked for content and
 * validated by the official HAPI validator in strict mode: 0 errors.
 */
class FhirExportTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = HealthTestSupport.SERVICE;

    static final String HOSPITAL = "xining-first-hospital";
    private final RunningService service = SERVICE.service();
    static final LocalDate TODAY_FOR_TESTS = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = TODAY_FOR_TESTS;

    /** A hypertensive resident of 城东区 with a closed stay, an open stay, an outpatient visit and follow-ups. */
    static String hypertensiveResident(RunningService service) {
        String id = newIdentity("630102", "19630412", false);
        stub(service, registrar("630100"))
                .registerResident(RegisterResidentRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setIdentityNumber(id)
                        .setName("卓玛")
                        .setHealthCardNumber("QHHC" + id.substring(8))
                        .setRegion("630102")
                        .build());
        var self = stub(service, resident(id));
        self.grantConsent(GrantConsentRequest.newBuilder()
                .setRequestId("c-" + id)
                .setIdentityNumber(id)
                .setOrganisation(HOSPITAL)
                .setPurpose("treatment")
                .setValidFrom("2025-01-01")
                .build());
        String research = self.grantConsent(GrantConsentRequest.newBuilder()
                        .setRequestId("r-" + id)
                        .setIdentityNumber(id)
                        .setOrganisation("qinghai-university")
                        .setPurpose("research")
                        .setValidFrom("2025-01-01")
                        .build())
                .getId();
        self.revokeConsent(RevokeConsentRequest.newBuilder()
                .setConsentId(research)
                .setIdentityNumber(id)
                .build());
        var doctor = stub(service, clinician(HOSPITAL, "630100"));
        LocalDate stay = TODAY.minusDays(40);
        doctor.recordEncounter(encounter(
                        id,
                        EncounterType.INPATIENT,
                        stay,
                        stay.plusDays(9),
                        "I10.x00x002",
                        "原发性高血压 3级 极高危",
                        "12800.00",
                        "3840.50")
                .addPrescriptions(Prescription.newBuilder()
                        .setDrugCode("C09AA02")
                        .setDrugName("依那普利片 (悦宁定)")
                        .setDosage("10 mg qd")
                        .setDays(60)
                        .setPrescribedOn(stay.plusDays(9).toString()))
                .addPrescriptions(Prescription.newBuilder()
                        .setDrugCode("C08CA01")
                        .setDrugName("苯磺酸氨氯地平片")
                        .setDosage("5mg bid")
                        .setDays(3)
                        .setPrescribedOn(stay.plusDays(1).toString()))
                .build());
        doctor.recordEncounter(encounter(
                        id, EncounterType.OUTPATIENT, TODAY.minusDays(20), null, "J06.9", "急性上呼吸道感染", "86.00", "30.10")
                .addPrescriptions(Prescription.newBuilder()
                        .setDrugCode("N02BE01")
                        .setDrugName("对乙酰氨基酚片")
                        .setDosage("按需服用，每次不超过 0.5 g")
                        .setDays(3))
                .build());
        LocalDate open = TODAY.minusDays(3);
        doctor.recordEncounter(
                encounter(id, EncounterType.INPATIENT, open, null, "J18.900x001", "社区获得性肺炎", "4200.00", "1260.00")
                        .addPrescriptions(Prescription.newBuilder()
                                .setDrugCode("J01DD04")
                                .setDrugName("注射用头孢曲松钠")
                                .setDosage("2 g qd")
                                .setDays(7)
                                .setPrescribedOn(open.toString()))
                        .build());
        doctor.addHealthRecordEntry(AddHealthRecordEntryRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setIdentityNumber(id)
                .setPurpose("treatment")
                .setKind("CHRONIC_FOLLOW_UP")
                .setRecordedOn(TODAY.minusDays(10).toString())
                .setSummary("高血压随访：血压控制欠佳，继续用药")
                .setRegion("630102")
                .addMeasurements(measure(MeasurementKind.SYSTOLIC_BLOOD_PRESSURE, "148"))
                .addMeasurements(measure(MeasurementKind.DIASTOLIC_BLOOD_PRESSURE, "92"))
                .addMeasurements(measure(MeasurementKind.HEART_RATE, "78"))
                .build());
        doctor.addHealthRecordEntry(AddHealthRecordEntryRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setIdentityNumber(id)
                .setPurpose("treatment")
                .setKind("HEALTH_CHECK")
                .setRecordedOn(TODAY.minusDays(100).toString())
                .setSummary("年度健康体检")
                .setRegion("630102")
                .addMeasurements(measure(MeasurementKind.BODY_WEIGHT, "61.5"))
                .addMeasurements(measure(MeasurementKind.BODY_HEIGHT, "158"))
                .addMeasurements(measure(MeasurementKind.BODY_TEMPERATURE, "36.6"))
                .addMeasurements(measure(MeasurementKind.FASTING_BLOOD_GLUCOSE, "6.1"))
                .addMeasurements(measure(MeasurementKind.SYSTOLIC_BLOOD_PRESSURE, "136"))
                .build());
        doctor.addHealthRecordEntry(AddHealthRecordEntryRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setIdentityNumber(id)
                .setPurpose("treatment")
                .setKind("VACCINATION")
                .setRecordedOn(TODAY.minusDays(200).toString())
                .setSummary("流感疫苗接种")
                .setRegion("630102")
                .build());
        return id;
    }

    /** A second resident (海东, emergency care, no entries) so exports are checked beyond one shape. */
    private String emergencyResident() {
        String id = newIdentity("630202", "19880101", true);
        stub(service, registrar("630200"))
                .registerResident(RegisterResidentRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setIdentityNumber(id)
                        .setName("马明")
                        .setRegion("630202")
                        .build());
        stub(service, resident(id))
                .grantConsent(GrantConsentRequest.newBuilder()
                        .setRequestId("c-" + id)
                        .setIdentityNumber(id)
                        .setOrganisation("haidong-hospital")
                        .setPurpose("treatment")
                        .setValidFrom("2025-01-01")
                        .build());
        stub(service, clinician("haidong-hospital", "630200"))
                .recordEncounter(encounter(
                                id,
                                EncounterType.EMERGENCY,
                                TODAY.minusDays(5),
                                TODAY.minusDays(5),
                                "S52.5",
                                "桡骨下端骨折",
                                "2300.00",
                                "690.00")
                        .setRegion("630202")
                        .addPrescriptions(Prescription.newBuilder()
                                .setDrugCode("M01AE01")
                                .setDrugName("布洛芬缓释胶囊")
                                .setDosage("0.3 g bid")
                                .setDays(3))
                        .build());
        return id;
    }

    static RecordEncounterRequest.Builder encounter(
            String id,
            EncounterType type,
            LocalDate start,
            LocalDate end,
            String code,
            String name,
            String total,
            String self) {
        return RecordEncounterRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setIdentityNumber(id)
                .setPurpose("treatment")
                .setType(type)
                .setStartDate(start.toString())
                .setEndDate(end == null ? "" : end.toString())
                .setRegion("630102")
                .setDiagnosisCode(code)
                .setDiagnosisName(name)
                .setTotalCost(total)
                .setSelfPaid(self);
    }

    static Measurement measure(MeasurementKind kind, String value) {
        return Measurement.newBuilder().setKind(kind).setValue(value).build();
    }

    private Bundle export(CallCredentials as, String id, String purpose) {
        String json = stub(service, as)
                .exportResidentFhir(ExportResidentFhirRequest.newBuilder()
                        .setIdentityNumber(id)
                        .setPurpose(purpose)
                        .build())
                .getFhirJson();
        FhirValidation.assertValid(json);
        Bundle bundle = (Bundle) Fhir.parser().parseResource(json);
        assertReferencesResolveInside(bundle);
        return bundle;
    }

    /** Every reference is a urn:uuid of an entry of the same bundle. */
    static void assertReferencesResolveInside(Bundle bundle) {
        Set<String> fullUrls = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .collect(Collectors.toSet());
        for (var e : bundle.getEntry()) {
            assertEquals(urn(e.getResource()), e.getFullUrl());
            for (Reference r :
                    Fhir.context().newTerser().getAllPopulatedChildElementsOfType(e.getResource(), Reference.class)) {
                if (r.getReference() != null) {
                    assertTrue(
                            fullUrls.contains(r.getReference()),
                            r.getReference() + " in " + e.getResource().fhirType()
                                    + " does not resolve inside the bundle");
                }
            }
        }
    }

    /** The fullUrl of a parsed resource (HAPI's parser takes a urn:uuid fullUrl as the id). */
    static String urn(Resource r) {
        String id = r.getIdElement().getValue();
        return id.startsWith("urn:uuid:") ? id : "urn:uuid:" + r.getIdPart();
    }

    @SuppressWarnings("unchecked")
    static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(r -> (T) r)
                .toList();
    }

    @Test
    void theResidentsOwnExportIsCompleteAndValid() {
        String id = hypertensiveResident(service);
        Bundle b = export(resident(id), id, "self");

        assertEquals(Bundle.BundleType.SEARCHSET, b.getType());
        assertTrue(b.hasId() && b.hasTimestamp() && b.getMeta().hasLastUpdated());
        assertEquals("self", b.getLink().get(0).getRelation());
        assertEquals("R", b.getMeta().getSecurityFirstRep().getCode());

        Patient p = all(b, Patient.class).get(0);
        assertEquals("zh-CN", p.getLanguage());
        assertTrue(p.getText().getDivAsString().contains("卓玛"));
        var ni = p.getIdentifier().get(0);
        assertEquals("NI", ni.getType().getCodingFirstRep().getCode());
        assertEquals(id, ni.getValue());
        assertTrue(ni.getAssigner().getDisplay().contains("公安部"));
        assertEquals(
                "HC", p.getIdentifier().get(1).getType().getCodingFirstRep().getCode());
        Address a = p.getAddressFirstRep();
        assertEquals("西宁市", a.getCity());
        assertEquals("城东区", a.getDistrict());
        assertEquals(
                "630102",
                a.getExtensionByUrl(FhirSystems.REGION_EXTENSION).getValue().primitiveValue());

        List<Encounter> encounters = all(b, Encounter.class);
        assertEquals(3, encounters.size());
        Encounter open = encounters.get(2);
        assertEquals(Encounter.EncounterStatus.INPROGRESS, open.getStatus());
        assertFalse(open.getPeriod().hasEnd());
        assertEquals(Encounter.EncounterStatus.FINISHED, encounters.get(1).getStatus());

        // the national clinical code and its WHO code: two codings, each under its own system
        Condition hypertension = all(b, Condition.class).get(0);
        List<Coding> codings = hypertension.getCode().getCoding();
        assertEquals(
                List.of(FhirSystems.ICD10_WHO + "|I10", FhirSystems.ICD10_CN_CLINICAL + "|I10.x00x002"),
                codings.stream().map(c -> c.getSystem() + "|" + c.getCode()).toList());
        assertEquals(
                urn(hypertension),
                encounters.get(0).getDiagnosisFirstRep().getCondition().getReference());
        Condition cold = all(b, Condition.class).get(1);
        assertEquals(1, cold.getCode().getCoding().size(), "a WHO-level code needs one coding");
        assertEquals("急性上呼吸道感染", cold.getCode().getCodingFirstRep().getDisplay());

        List<MedicationRequest> meds = all(b, MedicationRequest.class);
        MedicationRequest enalapril = meds.get(0);
        Coding atc = enalapril.getMedicationCodeableConcept().getCodingFirstRep();
        assertEquals("C09AA02", atc.getCode());
        assertEquals("enalapril", atc.getDisplay(), "the ATC name, not the product name");
        assertEquals("依那普利片 (悦宁定)", enalapril.getMedicationCodeableConcept().getText());
        assertEquals(
                TODAY.minusDays(31).toString(), enalapril.getAuthoredOnElement().getValueAsString());
        assertEquals(
                MedicationRequest.MedicationRequestStatus.ACTIVE,
                enalapril.getStatus(),
                "60 days of supply from discharge 31 days ago are not over");
        var dose = (Quantity) enalapril
                .getDosageInstructionFirstRep()
                .getDoseAndRateFirstRep()
                .getDose();
        assertEquals("10 mg", dose.getValue().toPlainString() + " " + dose.getCode());
        assertEquals(
                "QD",
                enalapril
                        .getDosageInstructionFirstRep()
                        .getTiming()
                        .getCode()
                        .getCodingFirstRep()
                        .getCode());
        assertEquals(
                MedicationRequest.MedicationRequestStatus.COMPLETED, meds.get(1).getStatus());
        MedicationRequest paracetamol = meds.get(2);
        assertFalse(paracetamol.hasAuthoredOn(), "no date was recorded, so none is stated");
        assertFalse(paracetamol.getDosageInstructionFirstRep().hasDoseAndRate(), "free text stays text");
        assertEquals(
                MedicationRequest.MedicationRequestStatus.ACTIVE,
                meds.get(3).getStatus(),
                "a prescription inside an open stay is active");

        List<Observation> observations = all(b, Observation.class);
        Observation bp = observations.stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("85354-9"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "148/92",
                ((Quantity) bp.getComponent().get(0).getValue()).getValue().toPlainString() + "/"
                        + ((Quantity) bp.getComponent().get(1).getValue())
                                .getValue()
                                .toPlainString());
        assertEquals("vital-signs", bp.getCategoryFirstRep().getCodingFirstRep().getCode());
        Set<String> loinc = observations.stream()
                .map(o -> o.getCode().getCodingFirstRep().getCode())
                .collect(Collectors.toSet());
        assertTrue(
                loinc.containsAll(Set.of(
                        "85354-9",
                        "8867-4",
                        "29463-7",
                        "8302-2",
                        "8310-5",
                        "14771-0",
                        "8480-6",
                        "CHRONIC_FOLLOW_UP",
                        "HEALTH_CHECK",
                        "VACCINATION")),
                loinc.toString());

        List<Consent> consents = all(b, Consent.class);
        assertEquals(2, consents.size(), "the resident sees every consent");
        assertTrue(consents.stream().anyMatch(c -> c.getStatus() == Consent.ConsentState.INACTIVE));
        assertFalse(all(b, org.hl7.fhir.r4.model.Provenance.class).isEmpty());
        assertFalse(all(b, org.hl7.fhir.r4.model.Organization.class).isEmpty());
        assertFalse(all(b, org.hl7.fhir.r4.model.Practitioner.class).isEmpty());
        assertEquals(3, all(b, Invoice.class).size());
    }

    @Test
    void aTreatingHospitalSeesTheConsentThatAllowedTheRead() {
        String id = hypertensiveResident(service);
        Bundle b = export(clinician(HOSPITAL, "630100"), id, "treatment");
        List<Consent> consents = all(b, Consent.class);
        assertEquals(1, consents.size());
        assertEquals(Consent.ConsentState.ACTIVE, consents.get(0).getStatus());
        assertEquals(
                "TREAT", consents.get(0).getProvision().getPurposeFirstRep().getCode());

        String other = emergencyResident();
        Bundle second = export(clinician("haidong-hospital", "630200"), other, "treatment");
        assertEquals(
                Encounter.EncounterStatus.FINISHED,
                all(second, Encounter.class).get(0).getStatus());
        assertEquals("EMER", all(second, Encounter.class).get(0).getClass_().getCode());
    }

    @Test
    void dibaoVerificationGetsOnlyWhatItNeeds() {
        String id = hypertensiveResident(service);
        var verifier = RunningService.asOrg("verifier-9", "630102", "civil-affairs-630102", "dibao:verifier");
        Bundle b = export(verifier, id, "dibao-verification");
        Set<String> types =
                b.getEntry().stream().map(e -> e.getResource().fhirType()).collect(Collectors.toSet());
        assertEquals(Set.of("Patient", "Encounter", "Condition", "Invoice", "Organization"), types);
        Patient p = all(b, Patient.class).get(0);
        assertFalse(p.hasName() || p.hasAddress());
        assertEquals(1, p.getIdentifier().size());
        Invoice stay = all(b, Invoice.class).get(0);
        assertEquals("12800.00", stay.getTotalGross().getValue().toPlainString());
        assertEquals("3840.50", stay.getTotalNet().getValue().toPlainString());
        assertEquals("CNY", stay.getTotalNet().getCurrency());

        assertEquals(
                "PURPOSE_NOT_ALLOWED",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> stub(service, verifier)
                                        .getResidentRecord(
                                                cn.gov.qinghai.health.v1.GetResidentRecordRequest.newBuilder()
                                                        .setIdentityNumber(id)
                                                        .setPurpose("dibao-verification")
                                                        .build())))
                        .reason(),
                "the whole record is never read for verification");
        assertEquals(
                "ACCESS_DENIED",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> export(
                                        HealthTestSupport.dibaoVerifier(), emergencyResident(), "dibao-verification")))
                        .reason(),
                "a verifier outside the resident's region is denied");
    }
}
