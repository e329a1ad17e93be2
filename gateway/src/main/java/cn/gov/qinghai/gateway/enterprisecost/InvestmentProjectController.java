package cn.gov.qinghai.gateway.enterprisecost;

import cn.gov.qinghai.common.v1.PageRequest;
import cn.gov.qinghai.enterprisecost.v1.DecideInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.enterprisecost.v1.GetInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueInvestmentProjectsRequest;
import cn.gov.qinghai.enterprisecost.v1.RecordApprovalStepRequest;
import cn.gov.qinghai.enterprisecost.v1.RegisterInvestmentProjectRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
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

/**
 * REST for enterprise investment-project approval tracking on the 15-working-day clock (青政〔2017〕42号 八(四),
 * 43号 一(一)): each route is one gRPC call of the enterprise-cost service. Kept apart from the calculator and
 * subsidy-application routes of {@link EnterpriseCostController}.
 */
@Controller("/api/v1/enterprise-cost/investment-projects")
@Tag(name = "enterprise-cost")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InvestmentProjectController {

    private static final String SERVICE = "enterprise-cost";
    private final EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub service;
    private final Downstream downstream;
    private final GrpcJson json;

    InvestmentProjectController(EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub service,
                                Downstream downstream, GrpcJson json) {
        this.service = service;
        this.downstream = downstream;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Register an enterprise investment project received for approval "
            + "(role enterprise-cost:approval-officer)",
            description = "Body: {requestId, projectCode, projectName, enterpriseCreditCode, region, department, "
                    + "receivedOn?}. The 15-working-day clock of 42号 八(四) starts the working day after receivedOn. "
                    + "requestId (or the Idempotency-Key header) makes retries safe.")
    public HttpResponse<String> register(HttpRequest<?> request, @Body String body,
                                         @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        RegisterInvestmentProjectRequest.Builder grpcRequest =
                json.parse(body, RegisterInvestmentProjectRequest.newBuilder());
        json.withIdempotencyKey(grpcRequest, idempotencyKey);
        return HttpResponse.<String>status(HttpStatus.CREATED)
                .body(json.print(downstream.call(SERVICE, request, service,
                        s -> s.registerInvestmentProject(grpcRequest.build()))))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/overdue", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Undecided projects past their 15-working-day limit, with the count per department "
            + "(role enterprise-cost:approval-officer)",
            description = "asOf (ISO date, default today), department (the one holding the file; optional); oldest "
                    + "due date first; byDepartment counts every overdue project in the caller's region scope.")
    public HttpResponse<String> overdue(HttpRequest<?> request, @Nullable @QueryValue String asOf,
                                        @Nullable @QueryValue String department,
                                        @Nullable @QueryValue Integer pageSize, @Nullable @QueryValue String pageToken) {
        ListOverdueInvestmentProjectsRequest grpcRequest = ListOverdueInvestmentProjectsRequest.newBuilder()
                .setAsOf(nullToEmpty(asOf)).setDepartment(nullToEmpty(department))
                .setPage(PageRequest.newBuilder().setPageSize(pageSize == null ? 0 : pageSize)
                        .setPageToken(nullToEmpty(pageToken))).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.listOverdueInvestmentProjects(grpcRequest)));
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One investment project with its approval history, due date and working days used")
    public HttpResponse<String> get(HttpRequest<?> request, @PathVariable String id) {
        return ok(downstream.call(SERVICE, request, service,
                s -> s.getInvestmentProject(GetInvestmentProjectRequest.newBuilder().setId(id).build())));
    }

    @Post(uri = "/{id}/steps", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record an approving step of a department (role enterprise-cost:approval-officer)",
            description = "Body: {version, stepName, department, completedOn?, nextDepartment?, note?}. 409 when the "
                    + "version is stale or the project is decided.")
    public HttpResponse<String> step(HttpRequest<?> request, @PathVariable String id, @Body String body) {
        RecordApprovalStepRequest grpcRequest =
                json.parse(body, RecordApprovalStepRequest.newBuilder()).setProjectId(id).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.recordApprovalStep(grpcRequest)));
    }

    @Post(uri = "/{id}/decision", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record the decision that stops the clock (role enterprise-cost:approval-officer)",
            description = "Body: {version, approved, decidedOn?, note (required when refused)}.")
    public HttpResponse<String> decide(HttpRequest<?> request, @PathVariable String id, @Body String body) {
        DecideInvestmentProjectRequest grpcRequest =
                json.parse(body, DecideInvestmentProjectRequest.newBuilder()).setProjectId(id).build();
        return ok(downstream.call(SERVICE, request, service, s -> s.decideInvestmentProject(grpcRequest)));
    }

    private HttpResponse<String> ok(com.google.protobuf.MessageOrBuilder message) {
        return HttpResponse.ok(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
