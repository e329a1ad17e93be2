package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.common.v1.PageRequest;
import cn.gov.qinghai.dibao.v1.ApproveTemporaryAssistanceRequest;
import cn.gov.qinghai.dibao.v1.CaseStatus;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.ExitCaseRequest;
import cn.gov.qinghai.dibao.v1.GetCaseRequest;
import cn.gov.qinghai.dibao.v1.GetCountyStandardRequest;
import cn.gov.qinghai.dibao.v1.GetCrossMatchReportRequest;
import cn.gov.qinghai.dibao.v1.MedicalAssistanceRequest;
import cn.gov.qinghai.dibao.v1.GetPaymentRosterRequest;
import cn.gov.qinghai.dibao.v1.ListCasesRequest;
import cn.gov.qinghai.dibao.v1.ListPublicRecipientsRequest;
import cn.gov.qinghai.dibao.v1.PublishCountyStandardRequest;
import cn.gov.qinghai.dibao.v1.SubmitApplicationRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
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
import java.util.List;

/**
 * REST for the dibao service (青政办〔2017〕86号): each route is one gRPC call. The estimator, county standards and the
 * public recipient list are public; everything else needs a token, and the service decides roles and regions.
 */
@Controller("/api/v1/dibao")
@Tag(name = "dibao", description = "Rural minimum living guarantee (青政办〔2017〕86号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DibaoController {

    private static final String SERVICE = "dibao";
    /** A registry import of a million rows takes tens of seconds (measured 26 s): a long deadline of its own. */
    private static final long IMPORT_DEADLINE_MS = 180_000;
    private final DibaoServiceGrpc.DibaoServiceBlockingStub dibao;
    private final DibaoServiceGrpc.DibaoServiceStub dibaoAsync;
    private final Downstream downstream;
    private final GrpcJson json;

    DibaoController(DibaoServiceGrpc.DibaoServiceBlockingStub dibao, DibaoServiceGrpc.DibaoServiceStub dibaoAsync,
                    Downstream downstream, GrpcJson json) {
        this.dibaoAsync = dibaoAsync;
        this.dibao = dibao;
        this.downstream = downstream;
        this.json = json;
    }

    @Post(uri = "/benefit-estimates", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Estimate eligibility and the monthly dibao benefit of a household",
            description = "Body: {year, singleParent, members:[{age, disabilityGrade (1–4 or null), bedridden, "
                    + "hasFixedIncome, incomes:[{type, annualAmount}], rigidExpenditure?:{majorIllness, education, "
                    + "disability}}], countyStandard?, county?}. Rigid expenditure (yuan/year, out of pocket) is "
                    + "deducted from counted income (expenditure-type poverty, 二(二)). Counted income "
                    + "types: WAGE, BUSINESS, AGRICULTURE, PROPERTY, TRANSFER, OTHER; not counted (二(二)): "
                    + "RURAL_BASIC_PENSION, SPECIAL_CARE_PENSION, EDUCATION_ALLOWANCE, FAMILY_PLANNING_ALLOWANCE, "
                    + "DISABILITY_LIVING_ALLOWANCE, SEVERE_DISABILITY_NURSING_SUBSIDY, OLD_AGE_ALLOWANCE, BRAVERY_AWARD. "
                    + "Without a county standard the provincial floor of that year applies (GET /standards shows it). Answer: "
                    + "eligible, expenditureTypePoverty, rigidExpenditureDeducted, assessedAnnualIncome, "
                    + "perCapitaAnnualIncome, monthlyGapBenefit, monthlyAllowances, monthlyTotal (decimal "
                    + "strings, yuan) and the explanation.")
    public HttpResponse<String> estimate(HttpRequest<?> request, @Body String body) {
        EstimateBenefitRequest grpcRequest = json.parse(body, EstimateBenefitRequest.newBuilder()).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.estimateBenefit(grpcRequest)));
    }

    @Get(uri = "/standards", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The dibao standard in force in a county on a date",
            description = "max(county standard, provincial floor), with source and explanation.")
    public HttpResponse<String> standard(HttpRequest<?> request, @Nullable @QueryValue String county,
                                         @Nullable @QueryValue String date) {
        GetCountyStandardRequest grpcRequest = GetCountyStandardRequest.newBuilder().setCounty(text(county))
                .setDate(text(date)).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.getCountyStandard(grpcRequest)));
    }

    @Post(uri = "/standards", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Publish a county dibao standard (role dibao:county-approver)",
            description = "Body: {requestId, county, effectiveFrom, annualAmount, citation:{document, clause}}. 409 "
                    + "when below the provincial floor, not after the newest standard, or in a past month.")
    public HttpResponse<String> publishStandard(HttpRequest<?> request, @Body String body,
                                                @Nullable @Header("Idempotency-Key") String key) {
        PublishCountyStandardRequest.Builder b = json.parse(body, PublishCountyStandardRequest.newBuilder());
        json.withIdempotencyKey(b, key);
        return created(downstream.call(SERVICE, request, dibao, s -> s.publishCountyStandard(b.build())));
    }

    @Post(uri = "/cases", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Submit an application (申请, role dibao:clerk)",
            description = "Body: {requestId, household:{county, township, address, singleParent, singlePersonBasis, "
                    + "propertyNote, members:[{name, idNumber, relation, disabilityGrade, bedridden, hasFixedIncome, "
                    + "workAbility FULL|PARTLY_LOST|COMPLETELY_LOST, incomes:[{type, annualAmount}]}]}, note}. The "
                    + "first member is the head. A retry with the same requestId (or Idempotency-Key) returns the "
                    + "first case; one open case per household head (409).")
    public HttpResponse<String> submit(HttpRequest<?> request, @Body String body,
                                       @Nullable @Header("Idempotency-Key") String key) {
        SubmitApplicationRequest.Builder b = json.parse(body, SubmitApplicationRequest.newBuilder());
        json.withIdempotencyKey(b, key);
        return created(downstream.call(SERVICE, request, dibao, s -> s.submitApplication(b.build())));
    }

    @Get(uri = "/cases", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cases of a county, newest first, optionally by status")
    public HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String county,
                                     @Nullable @QueryValue String status, @Nullable @QueryValue Integer pageSize,
                                     @Nullable @QueryValue String pageToken) {
        ListCasesRequest.Builder b = ListCasesRequest.newBuilder().setCounty(text(county)).setPage(page(pageSize, pageToken));
        if (status != null && !status.isBlank()) {
            try {
                b.setStatus(CaseStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(List.of(new Problem.InvalidField("status",
                        "must be one of SUBMITTED, TOWNSHIP_REVIEWED, VERIFIED, APPROVED, REJECTED, EXITED")));
            }
        }
        return ok(downstream.call(SERVICE, request, dibao, s -> s.listCases(b.build())));
    }

    @Get(uri = "/cases/{id}", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One case with its household (identity numbers masked) and append-only history")
    public HttpResponse<String> get(HttpRequest<?> request, @PathVariable String id) {
        GetCaseRequest grpcRequest = GetCaseRequest.newBuilder().setId(id).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.getCase(grpcRequest)));
    }

    @Post(uri = "/cases/{id}/decisions", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Decide the pending stage of a case: 审核, 核对 or 审批",
            description = "Body: {stage TOWNSHIP_REVIEW|VERIFICATION|COUNTY_APPROVAL, outcome PASS|REJECT, "
                    + "expectedVersion, note (required when rejecting)}. 409 for a stage the case is not waiting "
                    + "for or a stale expectedVersion (another decision won).")
    public HttpResponse<String> decide(HttpRequest<?> request, @PathVariable String id, @Body String body) {
        DecideCaseRequest grpcRequest = json.parse(body, DecideCaseRequest.newBuilder()).setCaseId(id).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.decideCase(grpcRequest)));
    }

    @Post(uri = "/cases/{id}/exit", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "End the guarantee of an approved case (二(五), role dibao:county-approver)",
            description = "Body: {reason OUT_OF_POVERTY|DEATH|OTHER, expectedVersion, retentionMonths (0 or 6–12, "
                    + "only for a disabled member out of poverty), note}.")
    public HttpResponse<String> exit(HttpRequest<?> request, @PathVariable String id, @Body String body) {
        ExitCaseRequest grpcRequest = json.parse(body, ExitCaseRequest.newBuilder()).setCaseId(id).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.exitCase(grpcRequest)));
    }

    @Get(uri = "/payment-rosters", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Monthly payment roster of a county: who, how much, why; totals by class",
            description = "Query: county, month (yyyy-MM). Any past month gives the same answer every time.")
    public HttpResponse<String> roster(HttpRequest<?> request, @Nullable @QueryValue String county,
                                       @Nullable @QueryValue String month, @Nullable @QueryValue Integer pageSize,
                                       @Nullable @QueryValue String pageToken) {
        GetPaymentRosterRequest grpcRequest = GetPaymentRosterRequest.newBuilder().setCounty(text(county))
                .setMonth(text(month)).setPage(page(pageSize, pageToken)).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.getPaymentRoster(grpcRequest)));
    }

    @Post(uri = "/temporary-assistance", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Approve temporary assistance (二(四)): township ≤ 2000 when entrusted, county ≤ 10000",
            description = "Body: {requestId, county, township, beneficiaryName, beneficiaryIdNumber, amount, reason, "
                    + "entrustment}. Above the caller's limit: 403 with the limit, never capped.")
    public HttpResponse<String> temporaryAssistance(HttpRequest<?> request, @Body String body,
                                                    @Nullable @Header("Idempotency-Key") String key) {
        ApproveTemporaryAssistanceRequest.Builder b = json.parse(body, ApproveTemporaryAssistanceRequest.newBuilder());
        json.withIdempotencyKey(b, key);
        return created(downstream.call(SERVICE, request, dibao, s -> s.approveTemporaryAssistance(b.build())));
    }

    @Get(uri = "/public-recipients", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Public recipient list of a county (二(二) 长期公示), names and identity numbers masked",
            description = "Query: county, month (yyyy-MM, default the current month).")
    public HttpResponse<String> publicRecipients(HttpRequest<?> request, @Nullable @QueryValue String county,
                                                 @Nullable @QueryValue String month,
                                                 @Nullable @QueryValue Integer pageSize,
                                                 @Nullable @QueryValue String pageToken) {
        ListPublicRecipientsRequest grpcRequest = ListPublicRecipientsRequest.newBuilder().setCounty(text(county))
                .setMonth(text(month)).setPage(page(pageSize, pageToken)).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.listPublicRecipients(grpcRequest)));
    }

    @Post(uri = "/medical-assistance-calculations", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Medical assistance for dibao, 特困 and registered poor people (二(一))",
            description = "Body: {year, group DIBAO|TEKUN|REGISTERED_POOR|OTHER, age, eligibleExpenses, baseRatio, "
                    + "paidThisYear, insurancePersonalContribution, localCap}. Children aged 14 or under (14岁以下): +10 points, cap 60000.")
    public HttpResponse<String> medical(HttpRequest<?> request, @Body String body) {
        MedicalAssistanceRequest grpcRequest = json.parse(body, MedicalAssistanceRequest.newBuilder()).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.calculateMedicalAssistance(grpcRequest)));
    }

    @Post(uri = "/poverty-roster-imports", consumes = {"text/csv", MediaType.TEXT_PLAIN},
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Import the poverty registry (建档立卡) roster as CSV (三(一), role dibao:poverty-office)",
            description = "Body: text/csv, lines \"id_number,name,county\", optional header. Bad rows are reported "
                    + "with their line numbers and skipped, good rows kept; a completed import replaces the previous "
                    + "one. Streamed to the service in 1 MiB chunks.")
    public HttpResponse<String> importRoster(HttpRequest<?> request, @Body byte[] csv) {
        return ok(RosterUpload.send(downstream.prepare(request, dibaoAsync), csv, IMPORT_DEADLINE_MS));
    }

    @Get(uri = "/cross-match-reports", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Dibao roster vs poverty registry (三(一)): in both, dibao only, registry only",
            description = "Query: region (630000, a prefecture or a county), sampleSize. The registry itself is "
                    + "imported over gRPC (ImportPovertyRoster, streamed CSV).")
    public HttpResponse<String> crossMatch(HttpRequest<?> request, @Nullable @QueryValue String region,
                                           @Nullable @QueryValue Integer sampleSize) {
        GetCrossMatchReportRequest grpcRequest = GetCrossMatchReportRequest.newBuilder().setRegion(text(region))
                .setSampleSize(sampleSize == null ? 0 : sampleSize).build();
        return ok(downstream.call(SERVICE, request, dibao, s -> s.getCrossMatchReport(grpcRequest)));
    }

    private HttpResponse<String> ok(MessageOrBuilder message) {
        return HttpResponse.ok(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private HttpResponse<String> created(MessageOrBuilder message) {
        return HttpResponse.<String>status(HttpStatus.CREATED).body(json.print(message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static PageRequest page(Integer size, String token) {
        return PageRequest.newBuilder().setPageSize(size == null ? 0 : size).setPageToken(text(token)).build();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
