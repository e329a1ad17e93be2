package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.healthdata.service.AuditTrail.Stored;
import cn.gov.qinghai.kit.identity.ResidentId;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * One row of the audit hash chain as a FHIR AuditEvent following IHE BALP (Basic Audit Log Patterns): type
 * {@code rest} with the RESTful interaction as subtype, the action (C/R/U/E), the outcome (0 success, 4 denied, with
 * the reason), the purpose of use (v3-ActReason), the agents (the user as requestor, with roles and organisation;
 * the health-data service as the server), the source, and the entities (the patient, role 1; the record touched;
 * the chain's sequence and hash as entity details so the event can be checked against the chain). Identity
 * numbers are masked wherever they appear as actor or key.
 */
public final class AuditEvents {

    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final Map<String, String> PURPOSE = Map.of(
            "treatment",
            "TREAT",
            "self",
            "PATRQT",
            "dibao-verification",
            "ELIGDTRM",
            "research",
            "HRESCH",
            "audit",
            "HOPERAT",
            "registration",
            "HOPERAT",
            "consent",
            "PATRQT",
            "public-health",
            "PUBHLTH");

    private AuditEvents() {}

    public static AuditEvent of(Stored e, String patientId) {
        LocalDate today = LocalDate.now(Resources.BEIJING);
        AuditEvent a = new AuditEvent();
        a.setId(Fhir.derivedId("AuditEvent", e.sequence()));
        Resources.common(a, e.at());
        a.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
        String[] interaction = switch (e.action()) {
            case "CREATE" -> new String[] {"create", "C"};
            case "UPDATE" -> new String[] {"update", "U"};
            case "QUERY" -> new String[] {"search-type", "E"};
            case "EXPORT" -> new String[] {"operation", "E"};
            default -> new String[] {"read", "R"};
        };
        a.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", interaction[0], null));
        a.setAction(AuditEventAction.fromCode(interaction[1]));
        a.setRecorded(Date.from(e.at()));
        boolean granted = "GRANTED".equals(e.outcome());
        a.setOutcome(granted ? AuditEventOutcome._0 : AuditEventOutcome._4);
        if (!granted) {
            a.setOutcomeDesc("access denied: " + e.detail());
        }
        String reason = PURPOSE.get(e.purpose());
        if (reason != null) {
            a.addPurposeOfEvent()
                    .setText(e.purpose())
                    .addCoding()
                    .setSystem(FhirSystems.ACT_REASON)
                    .setCode(reason);
        }

        var user = a.addAgent().setRequestor(true);
        user.getType().addCoding().setSystem(DCM).setCode("110153").setDisplay("Source Role ID");
        user.getWho()
                .setIdentifier(new Identifier().setSystem(FhirSystems.STAFF).setValue(masked(e.actor(), today)))
                .setDisplay(masked(e.actor(), today));
        for (String role : e.roles().split(",")) {
            if (!role.isBlank()) {
                user.addRole().setText(role);
            }
        }
        if (!e.organisation().isBlank()) {
            user.getLocation().setDisplay(e.organisation());
            user.addPolicy(FhirSystems.ACCESS_POLICY);
        }
        var server = a.addAgent().setRequestor(false);
        server.getType().addCoding().setSystem(DCM).setCode("110152").setDisplay("Destination Role ID");
        server.getWho().setDisplay("qinghai health-data service");

        a.getSource()
                .setSite("qinghai-health-data")
                .setObserver(new Reference().setDisplay("health-data service"))
                .addType(new Coding(
                        "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));

        if (patientId != null) {
            var patient = a.addEntity().setWhat(new Reference("Patient/" + patientId));
            patient.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"));
            patient.setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        var record = a.addEntity().setName(e.resource());
        record.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
        record.getWhat()
                .setIdentifier(new Identifier()
                        .setSystem(FhirSystems.BASE + "/sid/audit-resource")
                        .setValue(e.resource() + "/" + masked(e.resourceId(), today)));
        record.addDetail()
                .setType("chain-sequence")
                .setValue(new org.hl7.fhir.r4.model.StringType(Long.toString(e.sequence())));
        record.addDetail().setType("chain-hash").setValue(new org.hl7.fhir.r4.model.StringType(e.hash()));
        if (!e.requestId().isBlank()) {
            record.addDetail().setType("request-id").setValue(new org.hl7.fhir.r4.model.StringType(e.requestId()));
        }
        Narratives.set(
                a,
                "审计 AuditEvent #" + e.sequence() + ": " + e.action() + " " + e.resource() + " — " + e.outcome(),
                "操作者 " + masked(e.actor(), today) + (e.organisation().isBlank() ? "" : " (" + e.organisation() + ")")
                        + ", 目的 " + e.purpose(),
                "时间 " + e.at());
        return a;
    }

    private static String masked(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return "-";
        }
        if (ResidentId.isValid(value, today)) {
            return ResidentId.mask(value);
        }
        // a masked key already (e.g. a denial by identity number) or a staff account
        return value;
    }
}
