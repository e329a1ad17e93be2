package cn.gov.qinghai.healthdata.fhir;

/** Identifier systems, code systems and definition URLs used in the platform's FHIR resources. */
public final class FhirSystems {
    private FhirSystems() {}

    /** Canonical base of everything this platform defines. */
    public static final String BASE = "https://health-data.qinghai.gov.cn/fhir";

    /** Resident identity number (公民身份号码, GB 11643). */
    public static final String IDENTITY = BASE + "/sid/resident-identity-number";
    /** Resident health card (居民健康卡). */
    public static final String HEALTH_CARD = BASE + "/sid/resident-health-card";
    /** Administrative division codes (GB/T 2260), as a code system. */
    public static final String GB_T_2260 = BASE + "/CodeSystem/gb-t-2260";
    /** Organisation codes as carried in the platform's tokens. */
    public static final String ORGANISATION = BASE + "/sid/organisation";
    /** Staff accounts (token subjects) of the platform's identity provider. */
    public static final String STAFF = BASE + "/sid/staff-account";

    /** The region-code extension on Address (published as a StructureDefinition). */
    public static final String REGION_EXTENSION = BASE + "/StructureDefinition/qinghai-region-code";
    /** The national clinical edition of ICD-10 (国家临床版), published as a CodeSystem (content not-present). */
    public static final String ICD10_CN_CLINICAL = BASE + "/CodeSystem/icd-10-cn-clinical";
    /** Kinds of health-record entry (居民电子健康档案 records), published as a complete CodeSystem. */
    public static final String ENTRY_KIND = BASE + "/CodeSystem/record-entry-kind";

    /** The access rules a consent operates under (80号 二(四)12–13, access_policy.yaml), described in the docs. */
    public static final String ACCESS_POLICY = BASE + "/policy/health-record-access";

    public static final String ICD10_WHO = "http://hl7.org/fhir/sid/icd-10";
    public static final String ATC = "http://www.whocc.no/atc";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    public static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public static final String DIAGNOSIS_ROLE = "http://terminology.hl7.org/CodeSystem/diagnosis-role";
    public static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String CONSENT_ACTION = "http://terminology.hl7.org/CodeSystem/consentaction";
    public static final String TIMING_ABBREVIATION = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation";
    public static final String LANGUAGE = "zh-CN";
}
