package cn.gov.qinghai.gateway.enterprisecost;

import cn.gov.qinghai.common.v1.PageRequest;
import cn.gov.qinghai.enterprisecost.v1.ApplicationStatus;
import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.gateway.parameters.ReformBody;
import cn.gov.qinghai.enterprisecost.v1.CheckLabourCostRequest;
import cn.gov.qinghai.enterprisecost.v1.ComputeDeadlineRequest;
import cn.gov.qinghai.enterprisecost.v1.DecideApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.enterprisecost.v1.GetApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.GetCalculatorRequest;
import cn.gov.qinghai.enterprisecost.v1.ListApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListCalculatorsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.StartReviewRequest;
import cn.gov.qinghai.enterprisecost.v1.SubmitApplicationRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

/**
 * REST for the enterprise-cost service (青政〔2017〕43号, 42号 七–八): each route is one gRPC call. Calculators take
 * a flat JSON object of inputs and answer with eligible, amount, the outputs (also at the top level), reasons and
 * the explanation.
 */
@Controller("/api/v1/enterprise-cost")
@Tag(name = "enterprise-cost", description = "Lowering enterprise costs: calculators, labour-cost check, subsidy "
        + "applications on the 15-working-day clock (青政〔2017〕43号, 42号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EnterpriseCostController {

    private static final String SERVICE = "enterprise-cost";
    private final EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub service;
    private final Downstream downstream;
    private final GrpcJson json;

    EnterpriseCostController(EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub service, Downstream downstream,
                             GrpcJson json) {
        this.service = service;
        this.downstream = downstream;
        this.json = json;
    }

    @Get(uri = "/calculators", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Every calculator with its input fields, units and citations",
            description = "Like Open311 service definitions: for each calculator its id, titleZh/titleEn, citations, "
                    + "inputs (name, type DECIMAL|INTEGER|BOOLEAN|ENUM, unit, required, minimum, maximum, maxScale, "
                    + "options, defaultValue, descriptions), outputs and what `amount` means.")
    public HttpResponse<String> calculators(HttpRequest<?> request) {
        return ok(downstream.call(SERVICE, request, service,
                s -> s.listCalculators(ListCalculatorsRequest.getDefaultInstance())));
    }

    @Get(uri = "/calculators/{id}", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "One calculator's definition (404 for an unknown id)")
    public HttpResponse<String> calculator(HttpRequest<?> request, @PathVariable String id) {
        return ok(downstream.call(SERVICE, request, service,
                s -> s.getCalculator(GetCalculatorRequest.newBuilder().setId(id).build())));
    }

    @Post(uri = "/calculators/{id}/calculate", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Run a calculator on a flat JSON object of inputs",
            description = "Body: the inputs listed by GET /calculators, e.g. {\"superDeductionTaxExemption\": "
                    + "\"30000000\"} for rd-subsidy or {\"persons\": 4} for startup-loan-guarantee; numbers may be "
                    + "JSON numbers or decimal strings. Answer: eligible, amount (CNY string, empty when the "
                    + "calculator has none), each output also at the top level (e.g. employerRateAllowed), reasons, "
                    + "explanation (steps) and caveats. 404 for an unknown calculator; 400 naming every missing, "
                    + "unknown or malformed input. Optional \"reform\": {name, overrides:[{id, value, from}]} answers "
                    + "the law and the reform side by side (reformCalculation, reformDifferences).")
    public HttpResponse<String> calculate(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body,
            @Parameter(description = "ISO date whose rules apply; default today") @Nullable @QueryValue String date) {
        ReformBody split = ReformBody.split(body, json);   // an optional "reform" member beside the inputs (issue 24)
        CalculateRequest.Builder builder = CalculateRequest.newBuilder().setCalculatorId(id)
                .putAllInputs(FlatInputs.parse(split.inputs())).setDate(nullToEmpty(date));
        split.reform().ifPresent(builder::setReform);
        CalculateRequest grpcRequest = builder.build();
        JsonObject out = JsonParser.parseString(json.print(downstream.call(SERVICE, request, service,
                s -> s.calculate(grpcRequest)))).getAsJsonObject();
        JsonObject outputs = out.getAsJsonObject("outputs");
        if (outputs != null) {
            for (Map.Entry<String, JsonElement> e : outputs.entrySet()) {
                if (!out.has(e.getKey())) {
                    out.add(e.getKey(), e.getValue());
                }
            }
        }
        return HttpResponse.ok(out.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(uri = "/labour-cost-checks", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Labour-cost check of a payroll summary against the minimum wage in force",
            description = "Body: {region, date?, lowestMonthlyWage, headcount, monthlyPayroll?, workInjuryRate?}. "
                    + "Asks the wage service for the minimum wage; reports meetsMinimumWage, shortfallPerEmployee and "
                    + "the employer contributions at the 青政〔2017〕43号 十三 rates. 503 when the wage service is down.")
    public HttpResponse<String> labourCost(HttpRequest<?> request, @Body String body) {
        CheckLabourCostRequest grpcRequest = json.parse(body, CheckLabourCostRequest.newBuilder()).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.checkLabourCost(grpcRequest)));
    }

    @Get(uri = "/deadlines", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Due date N working days after a day received, on the official holiday calendar",
            description = "receivedOn (ISO date, not counted), workingDays (default the 15 of 42号 八(四)). Lists the "
                    + "holidays skipped and the adjusted weekend workdays counted; provisional when a year without a "
                    + "published calendar is crossed.")
    public HttpResponse<String> deadline(HttpRequest<?> request, @Nullable @QueryValue String receivedOn,
                                         @Nullable @QueryValue Integer workingDays) {
        ComputeDeadlineRequest grpcRequest = ComputeDeadlineRequest.newBuilder().setReceivedOn(nullToEmpty(receivedOn))
                .setWorkingDays(workingDays == null ? 0 : workingDays).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.computeDeadline(grpcRequest)));
    }

    @Post(uri = "/applications", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Submit a subsidy application (role enterprise-cost:applicant)",
            description = "Body: {requestId, kind STABLE_JOB|RD|STARTUP_AWARD|GUARANTEE, enterpriseCreditCode, "
                    + "applicantName, region, inputs:{calculator inputs}, claimedAmount (GUARANTEE only)}. requestId "
                    + "(or the Idempotency-Key header) makes retries safe. 409 when not eligible (with the reasons) "
                    + "or when the requestId was used for a different application.")
    public HttpResponse<String> submit(HttpRequest<?> request, @Body String body,
                                       @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        JsonElement tree = tree(body);
        Map<String, String> inputs = Map.of();
        if (tree.isJsonObject() && tree.getAsJsonObject().get("inputs") instanceof JsonObject raw) {
            inputs = FlatInputs.fromObject(raw, "inputs.");
            tree.getAsJsonObject().remove("inputs");
        }
        SubmitApplicationRequest.Builder grpcRequest = json.parse(tree.toString(), SubmitApplicationRequest.newBuilder())
                .putAllInputs(inputs);
        json.withIdempotencyKey(grpcRequest, idempotencyKey);
        return HttpResponse.<String>status(HttpStatus.CREATED)
                .body(json.print(downstream.call(SERVICE, request, service, s -> s.submitApplication(grpcRequest.build()))))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/applications", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Applications visible to the caller, newest first",
            description = "Reviewers see their region scope, applicants their own. Filters: status, region; paged.")
    public HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String status,
                                     @Nullable @QueryValue String region, @Nullable @QueryValue Integer pageSize,
                                     @Nullable @QueryValue String pageToken) {
        ListApplicationsRequest grpcRequest = ListApplicationsRequest.newBuilder().setStatus(status(status))
                .setRegion(nullToEmpty(region)).setPage(page(pageSize, pageToken)).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.listApplications(grpcRequest)));
    }

    @Get(uri = "/applications/overdue", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Undecided applications past their 15-working-day limit (role enterprise-cost:reviewer)",
            description = "asOf (ISO date, default today), region within the reviewer's scope; oldest due date first.")
    public HttpResponse<String> overdue(HttpRequest<?> request, @Nullable @QueryValue String asOf,
                                        @Nullable @QueryValue String region, @Nullable @QueryValue Integer pageSize,
                                        @Nullable @QueryValue String pageToken) {
        ListOverdueApplicationsRequest grpcRequest = ListOverdueApplicationsRequest.newBuilder()
                .setAsOf(nullToEmpty(asOf)).setRegion(nullToEmpty(region)).setPage(page(pageSize, pageToken)).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.listOverdueApplications(grpcRequest)));
    }

    @Get(uri = "/applications/{id}", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One application, with its history and due date")
    public HttpResponse<String> get(HttpRequest<?> request, @PathVariable String id) {
        return ok(downstream.call(SERVICE, request, service,
                s -> s.getApplication(GetApplicationRequest.newBuilder().setId(id).build())));
    }

    @Post(uri = "/applications/{id}/review", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Take a submitted application into review (role enterprise-cost:reviewer)",
            description = "Body: {version, note?}. 409 when the version is stale or the status does not allow it.")
    public HttpResponse<String> review(HttpRequest<?> request, @PathVariable String id, @Body String body) {
        StartReviewRequest grpcRequest = json.parse(body, StartReviewRequest.newBuilder()).setId(id).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.startReview(grpcRequest)));
    }

    @Post(uri = "/applications/{id}/decision", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Approve or reject an application under review (role enterprise-cost:reviewer)",
            description = "Body: {version, approve, approvedAmount (when approving, at most the claim), note "
                    + "(required when rejecting)}.")
    public HttpResponse<String> decide(HttpRequest<?> request, @PathVariable String id, @Body String body) {
        DecideApplicationRequest grpcRequest = json.parse(body, DecideApplicationRequest.newBuilder()).setId(id).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.decideApplication(grpcRequest)));
    }

    private static JsonElement tree(String body) {
        try {
            return JsonParser.parseString(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw ProblemException.invalid(List.of(new Problem.InvalidField("body", "is not valid JSON")));
        }
    }

    private static ApplicationStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return ApplicationStatus.APPLICATION_STATUS_UNSPECIFIED;
        }
        try {
            ApplicationStatus s = ApplicationStatus.valueOf(status);
            if (s != ApplicationStatus.UNRECOGNIZED) {
                return s;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw ProblemException.invalid(List.of(new Problem.InvalidField("status",
                "must be one of SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED")));
    }

    private static PageRequest page(Integer pageSize, String pageToken) {
        return PageRequest.newBuilder().setPageSize(pageSize == null ? 0 : pageSize)
                .setPageToken(nullToEmpty(pageToken)).build();
    }

    private HttpResponse<String> ok(com.google.protobuf.MessageOrBuilder message) {
        return HttpResponse.ok(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
