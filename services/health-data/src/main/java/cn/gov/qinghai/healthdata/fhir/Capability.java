package cn.gov.qinghai.healthdata.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;

/** The CapabilityStatement of the read API ({@code GET /fhir/metadata}): exactly what the gateway routes serve. */
public final class Capability {
    private Capability() {}

    public static CapabilityStatement statement(String baseUrl, Instant now) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setId("qinghai-health-data");
        cs.getMeta().setLastUpdated(Date.from(now));
        cs.setLanguage(FhirSystems.LANGUAGE);
        cs.setUrl(FhirSystems.BASE + "/CapabilityStatement/qinghai-health-data");
        cs.setName("QinghaiHealthDataReadApi");
        cs.setTitle("青海省全民健康信息平台 FHIR 读取接口 (Qinghai health data platform, FHIR read API)");
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(Date.from(now));
        cs.setPublisher("Qinghai health data platform (青海省全民健康信息平台)");
        cs.setDescription("Read access to residents' health records (青政办〔2017〕80号) for treating clinicians with the "
                + "resident's consent, residents themselves and dibao verifiers (purpose-limited). Every read is "
                + "audited; a denied read and an unknown id answer alike. Identity numbers never appear in URLs.");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("qinghai-platform health-data");
        cs.getImplementation()
                .setDescription("Qinghai health data platform FHIR read API")
                .setUrl(baseUrl == null || baseUrl.isBlank() ? null : baseUrl);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        Narratives.set(
                cs,
                "FHIR R4 读取接口: metadata, Patient read, Patient/$everything, AuditEvent search, "
                        + "StructureDefinition and CodeSystem read.");
        var rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Bearer JWT of the platform's OpenID Connect provider. The purpose of use follows the "
                + "role: health:resident → self, health:clinician → treatment (needs the resident's consent for the "
                + "token's organisation), dibao:verifier → dibao-verification (region-scoped, purpose-limited).");
        rest.getSecurity()
                .setDescription("OAuth2 bearer tokens (OpenID Connect); roles, region and organisation "
                        + "claims decide access.")
                .addService()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("OAuth")
                .setDisplay("OAuth");

        CapabilityStatementRestResourceComponent patient =
                rest.addResource().setType("Patient").setProfile("http://hl7.org/fhir/StructureDefinition/Patient");
        patient.addInteraction().setCode(TypeRestfulInteraction.READ);
        patient.addOperation()
                .setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything")
                .setDocumentation("Parameters _since, _type, start, end, _count, _offset. Matches are paged; what "
                        + "they refer to is included on the same page (search.mode include).");
        CapabilityStatementRestResourceComponent audit = rest.addResource().setType("AuditEvent");
        audit.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        audit.addSearchParam()
                .setName("patient")
                .setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Required: the logical id of the Patient whose audit trail is read.");
        audit.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER);
        audit.addSearchParam().setName("_offset").setType(Enumerations.SearchParamType.NUMBER);
        for (String type : new String[] {"StructureDefinition", "CodeSystem"}) {
            rest.addResource().setType(type).addInteraction().setCode(TypeRestfulInteraction.READ);
        }
        return cs;
    }
}
