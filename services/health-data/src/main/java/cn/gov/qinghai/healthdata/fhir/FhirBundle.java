package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.PrescriptionRow;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resident's record as a FHIR R4 Bundle (type searchset), the shape of {@code Patient/$everything}: one
 * Patient, its Encounters (diagnosis as reasonCode in ICD-10) and MedicationRequests (ATC-coded, linked to their
 * encounter). Plain maps keep the service free of a FHIR library; field names follow the R4 specification.
 */
public final class FhirBundle {

    /** Identifier system of the resident identity number (公民身份号码, GB 11643) on this platform. */
    public static final String IDENTITY_SYSTEM = "https://health-data.qinghai.gov.cn/fhir/sid/resident-identity-number";
    public static final String HEALTH_CARD_SYSTEM = "https://health-data.qinghai.gov.cn/fhir/sid/resident-health-card";
    public static final String REGION_SYSTEM = "https://health-data.qinghai.gov.cn/fhir/sid/gb-t-2260";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String ATC = "http://www.whocc.no/atc";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private FhirBundle() {
    }

    /** An encounter with its prescriptions. */
    public record EncounterWithLines(EncounterRow encounter, List<PrescriptionRow> prescriptions) {
    }

    public static Map<String, Object> everything(ResidentRow r, List<EncounterWithLines> encounters) {
        List<Object> entries = new ArrayList<>();
        entries.add(entry("Patient", r.id().toString(), patient(r)));
        for (EncounterWithLines e : encounters) {
            entries.add(entry("Encounter", e.encounter().id().toString(), encounter(r, e.encounter())));
            for (PrescriptionRow p : e.prescriptions()) {
                entries.add(entry("MedicationRequest", p.id().toString(), medicationRequest(r, e.encounter(), p)));
            }
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", entries.size());
        bundle.put("entry", entries);
        return bundle;
    }

    private static Map<String, Object> entry(String type, String id, Map<String, Object> resource) {
        return map("fullUrl", "urn:uuid:" + id, "resource", resource, "search", map("mode", "match"));
    }

    static Map<String, Object> patient(ResidentRow r) {
        List<Object> identifiers = new ArrayList<>();
        identifiers.add(map("system", IDENTITY_SYSTEM, "value", r.identityNumber()));
        if (r.healthCard() != null) {
            identifiers.add(map("system", HEALTH_CARD_SYSTEM, "value", r.healthCard()));
        }
        return map("resourceType", "Patient", "id", r.id().toString(), "identifier", identifiers,
                "name", List.of(map("text", r.name())), "gender", r.sex() == 'M' ? "male" : "female",
                "birthDate", r.birthDate().toString(),
                "address", List.of(map("district", r.region(), "extension", List.of(map(
                        "url", REGION_SYSTEM, "valueCode", r.region())))));
    }

    static Map<String, Object> encounter(ResidentRow r, EncounterRow e) {
        String classCode = switch (e.type()) {
            case "INPATIENT" -> "IMP";
            case "EMERGENCY" -> "EMER";
            default -> "AMB";
        };
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", e.startDate().toString());
        if (e.endDate() != null) {
            period.put("end", e.endDate().toString());
        }
        boolean open = "INPATIENT".equals(e.type()) && e.endDate() == null;
        return map("resourceType", "Encounter", "id", e.id().toString(),
                "status", open ? "in-progress" : "finished",
                "class", map("system", ACT_CODE, "code", classCode),
                "subject", map("reference", "Patient/" + r.id()),
                "period", period,
                "reasonCode", List.of(map("coding", List.of(map("system", ICD10, "code", e.diagnosisCode(),
                        "display", e.diagnosisName())), "text", e.diagnosisName())),
                "serviceProvider", map("display", e.organisation()));
    }

    static Map<String, Object> medicationRequest(ResidentRow r, EncounterRow e, PrescriptionRow p) {
        Map<String, Object> m = map("resourceType", "MedicationRequest", "id", p.id().toString(),
                "status", "completed", "intent", "order",
                "medicationCodeableConcept", map("coding", List.of(map("system", ATC, "code", p.drugCode(),
                        "display", p.drugName())), "text", p.drugName()),
                "subject", map("reference", "Patient/" + r.id()),
                "encounter", map("reference", "Encounter/" + e.id()),
                "authoredOn", e.startDate().toString(),
                "dispenseRequest", map("expectedSupplyDuration", map("value", p.days(), "unit", "days",
                        "system", "http://unitsofmeasure.org", "code", "d")));
        if (!p.dosage().isEmpty()) {
            m.put("dosageInstruction", List.of(map("text", p.dosage())));
        }
        return m;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
