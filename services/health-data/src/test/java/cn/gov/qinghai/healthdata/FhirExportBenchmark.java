package cn.gov.qinghai.healthdata;

import static cn.gov.qinghai.healthdata.HealthTestSupport.clinician;
import static cn.gov.qinghai.healthdata.HealthTestSupport.resident;
import static cn.gov.qinghai.healthdata.HealthTestSupport.stub;

import cn.gov.qinghai.health.v1.AddHealthRecordEntryRequest;
import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.health.v1.ExportResidentFhirRequest;
import cn.gov.qinghai.health.v1.GetFhirPatientEverythingRequest;
import cn.gov.qinghai.health.v1.MeasurementKind;
import cn.gov.qinghai.health.v1.Prescription;
import cn.gov.qinghai.healthdata.fhir.Fhir;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prints what a FHIR export costs (not part of the default run; {@code -Dbenchmark=true}): a resident with 50
 * encounters (2 prescriptions each) and 20 entries with measurements, exported whole over real gRPC (access decision,
 * 8 queries, HAPI build and JSON, one audit row) and read as $everything pages of 50; and the strict validation of
 * one whole export. No timing is asserted.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class FhirExportBenchmark {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = HealthTestSupport.SERVICE;

    @Test
    void exportAndEverythingLatency() {
        RunningService service = SERVICE.service();
        String id = FhirExportTest.hypertensiveResident(service);
        var doctor = stub(service, clinician(FhirExportTest.HOSPITAL, "630100"));
        for (int i = 0; i < 50; i++) {
            var day = FhirExportTest.TODAY_FOR_TESTS.minusDays(400 + i * 7L);
            doctor.recordEncounter(FhirExportTest.encounter(
                            id, EncounterType.OUTPATIENT, day, day, "I10.x00x002", "高血压", "120.00", "36.00")
                    .addPrescriptions(Prescription.newBuilder()
                            .setDrugCode("C09AA02")
                            .setDrugName("依那普利片")
                            .setDosage("10 mg qd")
                            .setDays(30)
                            .setPrescribedOn(day.toString()))
                    .addPrescriptions(Prescription.newBuilder()
                            .setDrugCode("C08CA01")
                            .setDrugName("氨氯地平片")
                            .setDosage("5 mg qd")
                            .setDays(30))
                    .build());
        }
        for (int i = 0; i < 20; i++) {
            doctor.addHealthRecordEntry(AddHealthRecordEntryRequest.newBuilder()
                    .setRequestId(UUID.randomUUID().toString())
                    .setIdentityNumber(id)
                    .setPurpose("treatment")
                    .setKind("CHRONIC_FOLLOW_UP")
                    .setRecordedOn(FhirExportTest.TODAY_FOR_TESTS
                            .minusDays(30L * i + 1)
                            .toString())
                    .setSummary("随访")
                    .setRegion("630102")
                    .addMeasurements(FhirExportTest.measure(MeasurementKind.SYSTOLIC_BLOOD_PRESSURE, "140"))
                    .addMeasurements(FhirExportTest.measure(MeasurementKind.DIASTOLIC_BLOOD_PRESSURE, "90"))
                    .addMeasurements(FhirExportTest.measure(MeasurementKind.HEART_RATE, "72"))
                    .build());
        }
        var self = stub(service, resident(id));
        Supplier<String> export = () -> self.exportResidentFhir(ExportResidentFhirRequest.newBuilder()
                        .setIdentityNumber(id)
                        .setPurpose("self")
                        .build())
                .getFhirJson();
        String json = export.get();
        Bundle bundle = (Bundle) Fhir.parser().parseResource(json);
        String patientId = bundle.getEntryFirstRep()
                .getResource()
                .getIdElement()
                .getIdPart()
                .replace("urn:uuid:", "");
        System.out.printf(
                "bench fhir: whole export %d entries, %d KiB%n",
                bundle.getEntry().size(), json.length() / 1024);
        report("whole export (self)", 30, export::get);
        report(
                "$everything page of 50",
                30,
                () -> stub(service, resident(id))
                        .getFhirPatientEverything(GetFhirPatientEverythingRequest.newBuilder()
                                .setPatientId(patientId)
                                .setCount(50)
                                .setOffset(100)
                                .build()));
        FhirValidation.validator(); // load the validator's definitions once, outside the timing
        report("strict validation of the whole export", 5, () -> FhirValidation.assertValid(json));
    }

    private static void report(String what, int runs, Runnable call) {
        call.run();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(
                "bench fhir: %s: n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                what, runs, ms.get(runs / 2), ms.get((int) Math.ceil(runs * 0.95) - 1), ms.get(runs - 1));
    }
}
