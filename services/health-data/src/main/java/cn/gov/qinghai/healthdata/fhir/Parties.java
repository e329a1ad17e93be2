package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.kit.identity.ResidentId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Organizations and Practitioners a record refers to, one resource each however often referred to. They are
 * known to the platform only by the codes in its tokens (organisation code, staff account), so that is what they
 * carry; a staff account that is an identity number is never exported (the practitioner then has no identifier).
 */
final class Parties {
    /** The platform itself: custodian of consents, assembler of exports. */
    static final String PLATFORM = "qinghai-health-data-platform";

    private final Map<String, Organization> organisations = new LinkedHashMap<>();
    private final Map<String, Practitioner> practitioners = new LinkedHashMap<>();
    private final Instant at;

    Parties(Instant at) {
        this.at = at;
    }

    Reference organisation(String code) {
        Organization o = organisations.computeIfAbsent(code, c -> {
            Organization org = new Organization();
            org.setId(Fhir.derivedId("Organization", c));
            Resources.common(org, at);
            org.addIdentifier().setSystem(FhirSystems.ORGANISATION).setValue(c);
            org.setActive(true).setName(PLATFORM.equals(c) ? "青海省全民健康信息平台" : c);
            Narratives.set(org, "机构 Organization: " + org.getName());
            return org;
        });
        return new Reference(Fhir.urn(o.getIdPart())).setDisplay(o.getName());
    }

    Reference practitioner(String account) {
        Practitioner p = practitioners.computeIfAbsent(account, a -> {
            Practitioner pr = new Practitioner();
            pr.setId(Fhir.derivedId("Practitioner", a));
            Resources.common(pr, at);
            boolean personal = ResidentId.isValid(a, LocalDate.now());
            if (!personal) {
                pr.addIdentifier().setSystem(FhirSystems.STAFF).setValue(a);
            }
            pr.setActive(true);
            Narratives.set(pr, "医务人员 Practitioner: " + (personal ? "(account withheld)" : a));
            return pr;
        });
        return new Reference(Fhir.urn(p.getIdPart()));
    }

    /** Every party referred to so far, organisations first. */
    Iterable<Resource> all() {
        java.util.List<Resource> out = new java.util.ArrayList<>(organisations.values());
        out.addAll(practitioners.values());
        return out;
    }

    static Date date(Instant i) {
        return Date.from(i);
    }
}
