package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.kit.identity.ResidentId;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The FHIR read API (issue 21) end to end: gateway /fhir → gRPC → health-data → PostgreSQL. Logical ids only in
 * URLs, application/fhir+json, OperationOutcome errors, consent and audit as for the platform API.
 */
class FhirE2eTest {

    private static final String API = "/api/v1/health-data";
    private static final String HOSPITAL = "e2e-fhir-hospital";
    private final PlatformUnderTest platform = PlatformUnderTest.get();

    private static String newIdentity() {
        String first17 = "630102"
                + LocalDate.of(1950, 1, 1)
                        .plusDays(ThreadLocalRandom.current().nextInt(20000))
                        .toString()
                        .replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentId.checkCharacter(first17);
    }

    private static void assertFhir(Response r, int status) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/fhir+json"), r.contentType());
    }

    @Test
    void aResidentsRecordReadsThroughTheFhirApi() {
        String id = newIdentity();
        String registrar = platform.token("e2e-registrar", "630100", "health:registrar");
        String doctor = platform.orgToken("e2e-fhir-doctor", "630100", HOSPITAL, "health:clinician");
        String self = platform.token(id, "", "health:resident");
        assertEquals(
                201,
                platform.post(
                                API + "/residents",
                                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"identityNumber\":\"" + id
                                        + "\",\"name\":\"才让\",\"region\":\"630102\"}",
                                registrar)
                        .status());
        assertEquals(
                201,
                platform.post(
                                API + "/consents",
                                "{\"requestId\":\"" + UUID.randomUUID()
                                        + "\",\"identityNumber\":\"" + id + "\",\"organisation\":\"" + HOSPITAL
                                        + "\",\"purpose\":\"treatment\","
                                        + "\"validFrom\":\"2025-01-01\"}",
                                self)
                        .status());
        Response entry = platform.post(
                API + "/entries",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + id
                        + "\",\"purpose\":\"treatment\",\"kind\":\"CHRONIC_FOLLOW_UP\","
                        + "\"recordedOn\":\"" + LocalDate.now().minusDays(2)
                        + "\",\"summary\":\"高血压随访\",\"region\":\"630102\","
                        + "\"measurements\":[{\"kind\":\"SYSTOLIC_BLOOD_PRESSURE\",\"value\":\"148\"},"
                        + "{\"kind\":\"DIASTOLIC_BLOOD_PRESSURE\",\"value\":\"92\"}]}",
                doctor);
        assertEquals(201, entry.status(), entry.body());
        assertEquals(
                "mm[Hg]",
                entry.json()
                        .getAsJsonArray("measurements")
                        .get(0)
                        .getAsJsonObject()
                        .get("unit")
                        .getAsString());
        assertEquals(
                201,
                platform.post(
                                API + "/encounters",
                                "{\"requestId\":\"" + UUID.randomUUID()
                                        + "\",\"identityNumber\":\"" + id
                                        + "\",\"purpose\":\"treatment\",\"type\":\"INPATIENT\","
                                        + "\"startDate\":\"" + LocalDate.now().minusDays(1)
                                        + "\",\"region\":\"630102\","
                                        + "\"diagnosisCode\":\"I10.x00x002\",\"diagnosisName\":\"高血压\",\"totalCost\":\"800.00\","
                                        + "\"selfPaid\":\"240.00\",\"prescriptions\":[{\"drugCode\":\"C09AA02\",\"drugName\":\"依那普利片\","
                                        + "\"dosage\":\"10 mg qd\",\"days\":7,\"prescribedOn\":\""
                                        + LocalDate.now().minusDays(1) + "\"}]}",
                                doctor)
                        .status());
        JsonObject export = platform.post(
                        API + "/records/fhir", "{\"identityNumber\":\"" + id + "\",\"purpose\":\"self\"}", self)
                .json();
        String patientId = export.getAsJsonArray("entry")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("resource")
                .get("id")
                .getAsString();

        Response metadata = platform.get("/fhir/metadata");
        assertFhir(metadata, 200);
        assertEquals("CapabilityStatement", metadata.json().get("resourceType").getAsString());

        Response patient = platform.get("/fhir/Patient/" + patientId, doctor);
        assertFhir(patient, 200);
        assertEquals("Patient", patient.json().get("resourceType").getAsString());

        Response page = platform.get("/fhir/Patient/" + patientId + "/$everything?_count=2", doctor);
        assertFhir(page, 200);
        JsonObject bundle = page.json();
        assertTrue(bundle.get("total").getAsInt() > 2, page.body());
        List<String> relations = bundle.getAsJsonArray("link").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(l -> l.get("relation").getAsString())
                .toList();
        assertTrue(relations.containsAll(List.of("self", "first", "next", "last")), relations.toString());
        String next = bundle.getAsJsonArray("link").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(l -> l.get("relation").getAsString().equals("next"))
                .findFirst()
                .orElseThrow()
                .get("url")
                .getAsString();
        assertTrue(next.contains("/fhir/Patient/" + patientId + "/$everything?"), next);
        assertFalse(next.contains(id), "no identity number in any link");
        Response second = platform.get(next.substring(next.indexOf("/fhir/")), doctor);
        assertFhir(second, 200);

        Response vitals = platform.get("/fhir/Patient/" + patientId + "/$everything?_type=Observation", self);
        assertFhir(vitals, 200);
        assertTrue(vitals.body().contains("85354-9"), "the blood pressure panel");

        Response otherHospital = platform.get(
                "/fhir/Patient/" + patientId,
                platform.orgToken("e2e-other", "630100", "e2e-other-hospital", "health:clinician"));
        Response unknown = platform.get("/fhir/Patient/" + UUID.randomUUID(), doctor);
        assertFhir(otherHospital, 403);
        assertFhir(unknown, 403);
        assertEquals(otherHospital.body(), unknown.body(), "a denial reads exactly like absence");
        assertEquals("OperationOutcome", unknown.json().get("resourceType").getAsString());

        assertFhir(platform.get("/fhir/Patient/" + patientId + "?foo=bar", doctor), 400);
        assertFhir(platform.get("/fhir/Claim/" + patientId, doctor), 400);
        assertFhir(platform.get("/fhir/Patient/" + patientId), 401);

        Response audit = platform.get("/fhir/AuditEvent?patient=Patient/" + patientId, self);
        assertFhir(audit, 200);
        assertTrue(audit.body().contains("\"resourceType\":\"AuditEvent\""));
        assertTrue(audit.body().contains("\"outcome\":\"4\""), "the denied read is in the trail");
        assertFalse(audit.body().contains(id), "identity numbers are masked in audit events");
    }
}
