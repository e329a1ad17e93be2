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

/** The health-data REST routes of issue 7, end to end through the gateway to the service and its database. */
class HealthDataE2eTest {

    private static final String API = "/api/v1/health-data";
    private static final String HOSPITAL = "e2e-xining-hospital";
    private final PlatformUnderTest platform = PlatformUnderTest.get();

    /** A fresh valid identity number in Xining's Chengdong district. */
    private static String newIdentity() {
        String first17 = "630102"
                + LocalDate.of(1950, 1, 1)
                        .plusDays(ThreadLocalRandom.current().nextInt(20000))
                        .toString()
                        .replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentId.checkCharacter(first17);
    }

    private String registrar() {
        return platform.token("e2e-registrar", "630100", "health:registrar");
    }

    private String doctor() {
        return platform.orgToken("e2e-doctor", "630100", HOSPITAL, "health:clinician");
    }

    private String resident(String id) {
        return platform.token(id, "", "health:resident");
    }

    private String registered() {
        String id = newIdentity();
        Response r = platform.post(
                API + "/residents",
                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"identityNumber\":\"" + id
                        + "\",\"name\":\"央金\",\"healthCardNumber\":\"QH" + id.substring(6)
                        + "\",\"region\":\"630102\"}",
                registrar());
        assertEquals(201, r.status(), r.body());
        assertEquals("COUNTY", r.json().get("level").getAsString());
        return id;
    }

    private Response read(String id, String token) {
        return platform.post(
                API + "/records/lookup", "{\"identityNumber\":\"" + id + "\",\"purpose\":\"treatment\"}", token);
    }

    @Test
    void consentGovernsReadsAndEveryDenialIsAuditedAndShownToTheResident() {
        String id = registered();
        Response denied = read(id, doctor());
        assertEquals(403, denied.status(), denied.body());
        assertTrue(denied.isProblem());
        assertTrue(denied.body().contains("ACCESS_DENIED"), denied.body());

        Response unknown = read(newIdentity(), doctor());
        assertEquals(403, unknown.status());
        assertEquals(denied.json().get("detail"), unknown.json().get("detail"), "unknown looks like denied");

        Response consent = platform.post(
                API + "/consents",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + id + "\",\"organisation\":\"" + HOSPITAL
                        + "\",\"purpose\":\"treatment\","
                        + "\"validFrom\":\"" + LocalDate.now().minusDays(1) + "\"}",
                resident(id));
        assertEquals(201, consent.status(), consent.body());
        Response allowed = read(id, doctor());
        assertEquals(200, allowed.status(), allowed.body());
        assertEquals(
                id,
                allowed.json().getAsJsonObject("resident").get("identityNumber").getAsString());

        String consentId = consent.json().get("id").getAsString();
        Response revoked = platform.post(
                API + "/consents/" + consentId + "/revoke", "{\"identityNumber\":\"" + id + "\"}", resident(id));
        assertEquals(200, revoked.status(), revoked.body());
        assertFalse(revoked.json().get("active").getAsBoolean());
        assertEquals(403, read(id, doctor()).status());

        Response log = platform.post(API + "/access-log/lookup", "{\"identityNumber\":\"" + id + "\"}", resident(id));
        assertEquals(200, log.status(), log.body());
        List<String> reads = log.json().getAsJsonArray("events").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(e -> e.get("action").getAsString().equals("READ"))
                .map(e -> e.get("outcome").getAsString())
                .toList();
        assertEquals(List.of("DENIED", "GRANTED", "DENIED"), reads);

        Response chain = platform.post(
                API + "/audit/verification", "{}", platform.token("e2e-auditor", "630000", "health:auditor"));
        assertEquals(200, chain.status(), chain.body());
        assertTrue(chain.json().get("intact").getAsBoolean(), chain.body());
    }

    @Test
    void encountersExportAsFhirAndFeedTheDibaoCheck() {
        String id = registered();
        platform.post(
                API + "/consents",
                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"identityNumber\":\"" + id + "\",\"organisation\":\""
                        + HOSPITAL + "\",\"purpose\":\"treatment\",\"validFrom\":\"2025-01-01\"}",
                resident(id));
        Response bad = platform.post(
                API + "/encounters",
                "{\"requestId\":\"x\",\"identityNumber\":\"" + id
                        + "\",\"purpose\":\"treatment\",\"type\":\"INPATIENT\",\"startDate\":\"2025-04-01\",\"region\":\"630102\","
                        + "\"diagnosisCode\":\"lung cancer\",\"diagnosisName\":\"肺癌\",\"totalCost\":\"1\",\"selfPaid\":\"2\","
                        + "\"prescriptions\":[{\"drugCode\":\"cisplatin\",\"drugName\":\"顺铂\",\"days\":1}]}",
                doctor());
        assertEquals(400, bad.status(), bad.body());
        assertEquals(List.of("diagnosisCode", "selfPaid", "prescriptions[0].drugCode"), bad.problemFields());

        Response encounter = platform.post(
                API + "/encounters",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + id + "\",\"purpose\":\"treatment\",\"type\":\"INPATIENT\","
                        + "\"startDate\":\"2025-04-01\",\"endDate\":\"2025-04-20\",\"region\":\"630102\",\"diagnosisCode\":\"C34.9\","
                        + "\"diagnosisName\":\"肺癌\",\"totalCost\":\"42000.00\",\"selfPaid\":\"12600.50\","
                        + "\"prescriptions\":[{\"drugCode\":\"L01XA01\",\"drugName\":\"顺铂\",\"dosage\":\"75 mg/m2\",\"days\":1}]}",
                doctor());
        assertEquals(201, encounter.status(), encounter.body());

        Response fhir = platform.post(
                API + "/records/fhir", "{\"identityNumber\":\"" + id + "\",\"purpose\":\"self\"}", resident(id));
        assertEquals(200, fhir.status(), fhir.body());
        assertTrue(fhir.contentType().startsWith("application/fhir+json"), fhir.contentType());
        JsonObject bundle = fhir.json();
        assertEquals("Bundle", bundle.get("resourceType").getAsString());
        List<String> types = bundle.getAsJsonArray("entry").asList().stream()
                .map(e -> e.getAsJsonObject()
                        .getAsJsonObject("resource")
                        .get("resourceType")
                        .getAsString())
                .toList();
        assertEquals("Patient", types.get(0));
        assertTrue(
                types.containsAll(List.of(
                        "Encounter",
                        "Condition",
                        "MedicationRequest",
                        "Consent",
                        "Invoice",
                        "Provenance",
                        "Organization",
                        "Practitioner")),
                types.toString());

        String verifier = platform.orgToken("e2e-verifier", "630102", "civil-affairs", "dibao:verifier");
        Response expenses = platform.post(
                API + "/medical-expenses/lookup",
                "{\"identityNumber\":\"" + id
                        + "\",\"year\":2025,\"purpose\":\"dibao-verification\",\"caseReference\":\"E2E-1\"}",
                verifier);
        assertEquals(200, expenses.status(), expenses.body());
        assertEquals("12600.50", expenses.json().get("total").getAsString());
        assertTrue(expenses.json().get("explanation").isJsonArray());
        Response wrongPurpose = platform.post(
                API + "/medical-expenses/lookup",
                "{\"identityNumber\":\"" + id + "\",\"year\":2025,\"purpose\":\"curiosity\"}",
                verifier);
        assertEquals(403, wrongPurpose.status());
    }

    @Test
    void openStatisticsAreAnonymousAndSuppressed() {
        Response r = platform.get(API + "/statistics?dimensions=region,sex");
        assertEquals(200, r.status(), r.body());
        assertEquals(5, r.json().get("threshold").getAsInt());
        for (JsonElement c : r.json().getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            long count = Long.parseLong(cell.get("count").getAsString());
            assertTrue(cell.get("suppressed").getAsBoolean() || count == 0 || count >= 5, cell.toString());
        }
        Response bad = platform.get(API + "/statistics?dimensions=shoeSize&threshold=1");
        assertEquals(400, bad.status());
        assertEquals(List.of("dimensions[0]", "threshold"), bad.problemFields());
    }

    @Test
    void onePlagueCaseRaisesAnAlert() {
        String county = "632801";
        LocalDate monday =
                LocalDate.of(2026, 1, 5).plusWeeks(ThreadLocalRandom.current().nextInt(30));
        String caseId = newIdentity();
        Response reported = platform.post(
                API + "/case-reports",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + caseId
                        + "\",\"diseaseCode\":\"A20.0\",\"classification\":\"CONFIRMED\","
                        + "\"onsetDate\":\"" + monday + "\",\"diagnosisDate\":\"" + monday.plusDays(1)
                        + "\",\"county\":\""
                        + county + "\"}",
                platform.orgToken("e2e-cdc", "632800", "haixi-cdc", "health:public-health"));
        assertEquals(201, reported.status(), reported.body());
        Response warnings = platform.get(
                API + "/early-warnings?weekOf=" + monday.plusDays(3),
                platform.orgToken("e2e-cdc", "632800", "haixi-cdc", "health:public-health"));
        assertEquals(200, warnings.status(), warnings.body());
        assertTrue(
                warnings.json().getAsJsonArray("alerts").asList().stream()
                        .map(JsonElement::getAsJsonObject)
                        .anyMatch(a -> a.get("disease").getAsString().equals("A20")
                                && a.get("method").getAsString().equals("ZERO_TOLERANCE")),
                warnings.body());
        assertEquals(401, platform.get(API + "/early-warnings?weekOf=" + monday).status());
    }
}
