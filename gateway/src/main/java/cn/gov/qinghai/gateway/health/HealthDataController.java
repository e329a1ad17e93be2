package cn.gov.qinghai.gateway.health;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.health.v1.AddHealthRecordEntryRequest;
import cn.gov.qinghai.health.v1.ExportResidentFhirRequest;
import cn.gov.qinghai.health.v1.GetEarlyWarningsRequest;
import cn.gov.qinghai.health.v1.GetMajorMedicalExpensesRequest;
import cn.gov.qinghai.health.v1.GetOpenStatisticsRequest;
import cn.gov.qinghai.health.v1.GetResidentRecordRequest;
import cn.gov.qinghai.health.v1.GrantConsentRequest;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.health.v1.ListConsentsRequest;
import cn.gov.qinghai.health.v1.ListRecordAccessesRequest;
import cn.gov.qinghai.health.v1.RecordEncounterRequest;
import cn.gov.qinghai.health.v1.RegisterResidentRequest;
import cn.gov.qinghai.health.v1.ReportInfectiousCaseRequest;
import cn.gov.qinghai.health.v1.RevokeConsentRequest;
import cn.gov.qinghai.health.v1.SearchEncountersRequest;
import cn.gov.qinghai.health.v1.VerifyAuditChainRequest;
import com.google.protobuf.MessageOrBuilder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.function.Function;

/**
 * REST for the health-data service (青政办〔2017〕80号): each route is one gRPC call. Identity numbers travel only in
 * request bodies, never in URLs (URLs end up in access logs), so record lookups are POSTs. The service decides
 * roles, regions, purposes and consent; the gateway only checks that a valid token is present.
 */
@Controller("/api/v1/health-data")
@Tag(name = "health-data", description = "Resident health records, consent, audited access, open statistics and "
        + "infectious-disease early warning (青政办〔2017〕80号)")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class HealthDataController {

    private static final String SERVICE = "health-data";
    private final HealthDataServiceGrpc.HealthDataServiceBlockingStub health;
    private final Downstream downstream;
    private final GrpcJson json;

    HealthDataController(HealthDataServiceGrpc.HealthDataServiceBlockingStub health, Downstream downstream,
                         GrpcJson json) {
        this.health = health;
        this.downstream = downstream;
        this.json = json;
    }

    @Post(uri = "/residents", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Register a resident (health:clinician or health:registrar)",
            description = "Body: {requestId, identityNumber, name, healthCardNumber?, region}. Sex and birth date come "
                    + "from the identity number; 409 RESIDENT_EXISTS for a second registration.")
    public HttpResponse<String> register(HttpRequest<?> request, @Body String body,
                                         @Nullable @Header("Idempotency-Key") String key) {
        RegisterResidentRequest.Builder b = json.parse(body, RegisterResidentRequest.newBuilder());
        json.withIdempotencyKey(b, key);
        return created(call(request, s -> s.registerResident(b.build())));
    }

    @Post(uri = "/records/lookup", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Read a resident's whole record (audited)",
            description = "Body: {identityNumber, purpose: treatment|self}. 403 ACCESS_DENIED without consent, outside "
                    + "the caller's region, or for an unknown resident (the answer is the same); the denial is audited.")
    public HttpResponse<String> record(HttpRequest<?> request, @Body String body) {
        GetResidentRecordRequest r = json.parse(body, GetResidentRecordRequest.newBuilder()).build();
        return ok(call(request, s -> s.getResidentRecord(r)));
    }

    @Post(uri = "/records/fhir", consumes = MediaType.APPLICATION_JSON, produces = "application/fhir+json")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Export a resident's record as a FHIR R4 Bundle (Patient, Encounters, MedicationRequests)",
            description = "Body: {identityNumber, purpose}. Same access as reading the record; audited as EXPORT.")
    public HttpResponse<String> fhir(HttpRequest<?> request, @Body String body) {
        ExportResidentFhirRequest r = json.parse(body, ExportResidentFhirRequest.newBuilder()).build();
        return HttpResponse.ok(call(request, s -> s.exportResidentFhir(r)).getFhirJson())
                .contentType(MediaType.of("application/fhir+json"));
    }

    @Post(uri = "/entries", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Add a health-record entry (health:clinician, purpose treatment, consent)",
            description = "Body: {requestId, identityNumber, purpose, kind, recordedOn, summary, region}.")
    public HttpResponse<String> entry(HttpRequest<?> request, @Body String body) {
        AddHealthRecordEntryRequest r = json.parse(body, AddHealthRecordEntryRequest.newBuilder()).build();
        return created(call(request, s -> s.addHealthRecordEntry(r)));
    }

    @Post(uri = "/encounters", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Record an encounter with ICD-10 diagnosis and ATC-coded prescriptions",
            description = "Body: {requestId, identityNumber, purpose: treatment, type: OUTPATIENT|INPATIENT|EMERGENCY, "
                    + "startDate, endDate?, region, diagnosisCode, diagnosisName, totalCost, selfPaid, prescriptions:"
                    + "[{drugCode, drugName, dosage, days}]}. Data-quality findings come back in quality[].")
    public HttpResponse<String> encounter(HttpRequest<?> request, @Body String body) {
        RecordEncounterRequest r = json.parse(body, RecordEncounterRequest.newBuilder()).build();
        return created(call(request, s -> s.recordEncounter(r)));
    }

    @Get(uri = "/encounters", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Search encounters the caller may see (consent + region); totalSize counts only those")
    public HttpResponse<String> search(HttpRequest<?> request, @Nullable @QueryValue String purpose,
                                       @Nullable @QueryValue String diagnosisPrefix, @Nullable @QueryValue String from,
                                       @Nullable @QueryValue String to, @Nullable @QueryValue Integer pageSize,
                                       @Nullable @QueryValue String pageToken) {
        SearchEncountersRequest r = SearchEncountersRequest.newBuilder().setPurpose(nz(purpose))
                .setDiagnosisPrefix(nz(diagnosisPrefix)).setFrom(nz(from)).setTo(nz(to))
                .setPageSize(pageSize == null ? 0 : pageSize).setPageToken(nz(pageToken)).build();
        return ok(call(request, s -> s.searchEncounters(r)));
    }

    @Post(uri = "/consents", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Grant consent to an organisation for a purpose over a period (the resident or a registrar)",
            description = "Body: {requestId, identityNumber, organisation, purpose, validFrom, validTo?}.")
    public HttpResponse<String> grant(HttpRequest<?> request, @Body String body) {
        GrantConsentRequest r = json.parse(body, GrantConsentRequest.newBuilder()).build();
        return created(call(request, s -> s.grantConsent(r)));
    }

    @Post(uri = "/consents/{consentId}/revoke", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Revoke a consent from now on (history kept)", description = "Body: {identityNumber}.")
    public HttpResponse<String> revoke(HttpRequest<?> request, @PathVariable String consentId, @Body String body) {
        RevokeConsentRequest r = json.parse(body, RevokeConsentRequest.newBuilder()).setConsentId(consentId).build();
        return ok(call(request, s -> s.revokeConsent(r)));
    }

    @Post(uri = "/consents/lookup", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "A resident's consents, newest first", description = "Body: {identityNumber}.")
    public HttpResponse<String> consents(HttpRequest<?> request, @Body String body) {
        ListConsentsRequest r = json.parse(body, ListConsentsRequest.newBuilder()).build();
        return ok(call(request, s -> s.listConsents(r)));
    }

    @Post(uri = "/access-log/lookup", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Who read, searched or exported a resident's record, denials included (resident or auditor)",
            description = "Body: {identityNumber, page?: {pageSize, pageToken}}.")
    public HttpResponse<String> accessLog(HttpRequest<?> request, @Body String body) {
        ListRecordAccessesRequest r = json.parse(body, ListRecordAccessesRequest.newBuilder()).build();
        return ok(call(request, s -> s.listRecordAccesses(r)));
    }

    @Post(uri = "/audit/verification", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Verify the audit hash chain (health:auditor): the first broken link, if any")
    public HttpResponse<String> verify(HttpRequest<?> request) {
        return ok(call(request, s -> s.verifyAuditChain(VerifyAuditChainRequest.getDefaultInstance())));
    }

    @Post(uri = "/medical-expenses/lookup", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Major medical expenses of a person in a year, for dibao verification only",
            description = "Body: {identityNumber, year, purpose: dibao-verification, caseReference}. Role dibao:verifier.")
    public HttpResponse<String> expenses(HttpRequest<?> request, @Body String body) {
        GetMajorMedicalExpensesRequest r = json.parse(body, GetMajorMedicalExpensesRequest.newBuilder()).build();
        return ok(call(request, s -> s.getMajorMedicalExpenses(r)));
    }

    @Get(uri = "/statistics", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "")
    @Operation(summary = "Open, de-identified encounter statistics with small-cell suppression",
            description = "dimensions: one or two of region, county, ageBand, sex, disease, year, quarter (comma "
                    + "separated). Counts below the threshold (default 5) are hidden, plus complementary cells so none "
                    + "can be recomputed from the published totals.")
    public HttpResponse<String> statistics(HttpRequest<?> request, @Nullable @QueryValue String dimensions,
                                           @Nullable @QueryValue String region,
                                           @Nullable @QueryValue String diagnosisPrefix,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                           @Nullable @QueryValue Integer threshold) {
        GetOpenStatisticsRequest.Builder r = GetOpenStatisticsRequest.newBuilder().setRegion(nz(region))
                .setDiagnosisPrefix(nz(diagnosisPrefix)).setFrom(nz(from)).setTo(nz(to))
                .setThreshold(threshold == null ? 0 : threshold);
        if (dimensions != null && !dimensions.isBlank()) {
            r.addAllDimensions(Arrays.stream(dimensions.split(",")).map(String::trim).toList());
        }
        return ok(call(request, s -> s.getOpenStatistics(r.build())));
    }

    @Post(uri = "/case-reports", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Report an infectious-disease case (网络直报)",
            description = "Body: {requestId, identityNumber, diseaseCode (ICD-10), classification: SUSPECTED|CLINICAL|"
                    + "CONFIRMED, onsetDate, diagnosisDate, county}.")
    public HttpResponse<String> report(HttpRequest<?> request, @Body String body) {
        ReportInfectiousCaseRequest r = json.parse(body, ReportInfectiousCaseRequest.newBuilder()).build();
        return created(call(request, s -> s.reportInfectiousCase(r)));
    }

    @Get(uri = "/early-warnings", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Early warnings of the ISO week containing weekOf (health:public-health)",
            description = "EARS C2 per county and disease against the 7-week baseline; plague and cholera alert on one case.")
    public HttpResponse<String> warnings(HttpRequest<?> request, @Nullable @QueryValue String weekOf) {
        GetEarlyWarningsRequest r = GetEarlyWarningsRequest.newBuilder().setWeekOf(nz(weekOf)).build();
        return ok(call(request, s -> s.getEarlyWarnings(r)));
    }

    private <R> R call(HttpRequest<?> request,
                       Function<HealthDataServiceGrpc.HealthDataServiceBlockingStub, R> call) {
        return downstream.call(SERVICE, request, health, call);
    }

    private HttpResponse<String> ok(MessageOrBuilder message) {
        return HttpResponse.ok(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private HttpResponse<String> created(MessageOrBuilder message) {
        return HttpResponse.<String>status(HttpStatus.CREATED).body(json.print(message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
