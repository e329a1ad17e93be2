package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.healthdata.data.Rows.ConsentRow;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A consent row as a FHIR Consent (scope patient-privacy): the resident permits one organisation (actor, role
 * IRCP information recipient) to access the record for one purpose (treatment → TREAT, research → HRESCH) over a
 * period; a revocation makes it inactive and ends the period on the revocation day. The platform is the custodian.
 */
final class Consents {
    private Consents() {}

    static Consent of(
            ConsentRow c, ResidentRow resident, Reference patient, Parties parties, Instant now, LocalDate today) {
        Consent out = new Consent();
        out.setId(c.id().toString());
        Resources.common(out, c.revokedAt() != null ? c.revokedAt() : c.grantedAt());
        out.setStatus(c.activeOn(today) ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        out.getScope()
                .addCoding()
                .setSystem(FhirSystems.CONSENT_SCOPE)
                .setCode("patient-privacy")
                .setDisplay("Privacy Consent");
        out.addCategory()
                .addCoding()
                .setSystem(FhirSystems.LOINC)
                .setCode("59284-0")
                .setDisplay("Patient Consent");
        out.setPatient(patient);
        out.setDateTime(Date.from(c.grantedAt()));
        out.addPerformer(new Reference(patient.getReference()));
        out.addOrganization(parties.organisation(Parties.PLATFORM));
        out.addPolicy().setUri(FhirSystems.ACCESS_POLICY);
        var provision = out.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        Period period = new Period().setStartElement(Resources.day(c.validFrom()));
        LocalDate end = c.validTo();
        if (c.revokedAt() != null) {
            LocalDate revoked = LocalDate.ofInstant(c.revokedAt(), Resources.BEIJING);
            end = end == null || revoked.isBefore(end) ? revoked : end;
        }
        if (end != null) {
            period.setEndElement(Resources.day(end.isBefore(c.validFrom()) ? c.validFrom() : end));
        }
        provision.setPeriod(period);
        var actor = provision.addActor().setReference(parties.organisation(c.organisation()));
        actor.getRole()
                .addCoding()
                .setSystem(FhirSystems.PARTICIPATION_TYPE)
                .setCode("IRCP")
                .setDisplay("information recipient");
        provision
                .addAction()
                .addCoding()
                .setSystem(FhirSystems.CONSENT_ACTION)
                .setCode("access")
                .setDisplay("Access");
        switch (c.purpose()) {
            case "treatment" ->
                provision
                        .addPurpose()
                        .setSystem(FhirSystems.ACT_REASON)
                        .setCode("TREAT")
                        .setDisplay("treatment");
            case "research" ->
                provision
                        .addPurpose()
                        .setSystem(FhirSystems.ACT_REASON)
                        .setCode("HRESCH")
                        .setDisplay("healthcare research");
            default -> {}
        }
        Narratives.set(
                out,
                "授权 Consent: " + c.organisation() + " 用于 " + c.purpose(),
                "有效期 " + c.validFrom() + " 至 " + (end == null ? "长期" : end),
                c.revokedAt() == null ? null : "已撤回 revoked " + c.revokedAt());
        return out;
    }
}
