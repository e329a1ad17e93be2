package cn.gov.qinghai.gateway.broadband;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.broadband.v1.CsvDocument;
import cn.gov.qinghai.broadband.v1.GetConsumptionTargetsRequest;
import cn.gov.qinghai.broadband.v1.GetInvestmentSummaryRequest;
import cn.gov.qinghai.broadband.v1.GetMonthlyReportRequest;
import cn.gov.qinghai.broadband.v1.GetProjectProgressRequest;
import cn.gov.qinghai.broadband.v1.GetReconciliationRequest;
import cn.gov.qinghai.broadband.v1.ListIndicatorsRequest;
import cn.gov.qinghai.broadband.v1.ListProgressReportsRequest;
import cn.gov.qinghai.broadband.v1.ListProjectsRequest;
import cn.gov.qinghai.broadband.v1.RecordConsumptionActualRequest;
import cn.gov.qinghai.broadband.v1.RecordIndicatorActualRequest;
import cn.gov.qinghai.broadband.v1.SubmitProgressReportRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import com.google.protobuf.Message;
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
import java.util.function.Function;

/**
 * REST for the broadband service (青政办〔2017〕93号 宽带青海信息消费): each route is one gRPC call. Reads are public
 * (实施方案 四(四): monthly publication, 接受社会监督); reports and actuals need a token, and the service decides roles
 * (broadband:reporter for the owner's own projects, broadband:admin for everything).
 */
@Controller("/api/v1/broadband")
@Tag(name = "broadband", description = "宽带青海信息消费 2017: 117 projects, monthly progress, indicators (青政办〔2017〕93号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BroadbandController {

    private static final String SERVICE = "broadband";
    /** The 100× report takes about a second on a loaded machine; a monthly report gets more than the default 3 s. */
    private static final long REPORT_DEADLINE_MS = 15_000;
    private final BroadbandServiceGrpc.BroadbandServiceBlockingStub broadband;
    private final Downstream downstream;
    private final GrpcJson json;

    BroadbandController(BroadbandServiceGrpc.BroadbandServiceBlockingStub broadband, Downstream downstream,
                        GrpcJson json) {
        this.broadband = broadband;
        this.downstream = downstream;
        this.json = json;
    }

    @Get(uri = "/projects", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The 117 projects of 附件2, in document order",
            description = "Each project: id, programme, category, seq, name, owner, plannedInvestmentYuan (exact "
                    + "yuan, e.g. \"300000000\"), plannedInvestmentYi (as printed), repairs, actualInvestmentYuan, "
                    + "latestReportMonth, beyondPlan. Filters: category, owner, programme (exact). Paged with pageSize "
                    + "(default 50, max 1000) and pageToken → nextPageToken.")
    public HttpResponse<String> projects(HttpRequest<?> request, @Nullable @QueryValue String category,
                                         @Nullable @QueryValue String owner, @Nullable @QueryValue String programme,
                                         @Nullable @QueryValue Integer pageSize, @Nullable @QueryValue String pageToken) {
        ListProjectsRequest r = ListProjectsRequest.newBuilder().setCategory(text(category)).setOwner(text(owner))
                .setProgramme(text(programme)).setPageSize(pageSize == null ? 0 : pageSize)
                .setPageToken(text(pageToken)).build();
        return ok(call(request, s -> s.listProjects(r)));
    }

    @Get(uri = "/projects/{id}/progress", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "One project's month-by-month progress, with missing months",
            description = "month (yyyy-MM, optional): as of that month; default the current month within 2017.")
    public HttpResponse<String> progress(HttpRequest<?> request, @PathVariable long id,
                                         @Nullable @QueryValue String month) {
        GetProjectProgressRequest r = GetProjectProgressRequest.newBuilder().setProjectId(id).setMonth(text(month))
                .build();
        return ok(call(request, s -> s.getProjectProgress(r)));
    }

    @Post(uri = "/progress-reports", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Submit a monthly progress report (broadband:reporter for own projects, or broadband:admin)",
            description = "Body: {requestId, projectId, month (yyyy-MM), cumulativeInvestmentYuan, status "
                    + "(NOT_STARTED|IN_PROGRESS|COMPLETED|SUSPENDED), physicalProgressPercent, note, correctionReason}. "
                    + "requestId (or the Idempotency-Key header) makes retries safe. 409 when the cumulative "
                    + "investment goes down without correctionReason. Beyond-plan figures are accepted and flagged.")
    public HttpResponse<String> submit(HttpRequest<?> request, @Body String body,
                                       @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        SubmitProgressReportRequest.Builder r = json.parse(body, SubmitProgressReportRequest.newBuilder());
        json.withIdempotencyKey(r, idempotencyKey);
        return created(call(request, s -> s.submitProgressReport(r.build())));
    }

    @Get(uri = "/progress-reports", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Progress reports, newest first (own organisation for a reporter, all for an admin)")
    public HttpResponse<String> reports(HttpRequest<?> request, @Nullable @QueryValue Long projectId,
                                        @Nullable @QueryValue String month, @Nullable @QueryValue Integer pageSize,
                                        @Nullable @QueryValue String pageToken) {
        ListProgressReportsRequest r = ListProgressReportsRequest.newBuilder()
                .setProjectId(projectId == null ? 0 : projectId).setMonth(text(month))
                .setPageSize(pageSize == null ? 0 : pageSize).setPageToken(text(pageToken)).build();
        return ok(call(request, s -> s.listProgressReports(r)));
    }

    @Get(uri = "/investment-summary", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Planned vs actual investment by owner, category or programme",
            description = "groupBy = owner | category | programme; month (yyyy-MM, optional) takes each project's "
                    + "latest report up to that month. Computed from the project rows; totalPlannedYuan is the exact "
                    + "sum (10008733000), printedTotalYi what the document prints (100.09).")
    public HttpResponse<String> summary(HttpRequest<?> request,
            @Parameter(description = "owner, category or programme") @Nullable @QueryValue String groupBy,
            @Nullable @QueryValue String month) {
        GetInvestmentSummaryRequest r = GetInvestmentSummaryRequest.newBuilder().setGroupBy(text(groupBy))
                .setMonth(text(month)).build();
        return ok(call(request, s -> s.getInvestmentSummary(r)));
    }

    @Get(uri = "/indicators", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The 附件4 indicators: unit, 2016 value, 2017 target, latest actual, progress")
    public HttpResponse<String> indicators(HttpRequest<?> request, @Nullable @QueryValue String month) {
        ListIndicatorsRequest r = ListIndicatorsRequest.newBuilder().setMonth(text(month)).build();
        return ok(call(request, s -> s.listIndicators(r)));
    }

    @Post(uri = "/indicator-actuals", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record a monthly indicator actual (broadband:admin)",
            description = "Body: {requestId, indicatorId (e.g. \"1.1\"), month, value, note}.")
    public HttpResponse<String> indicatorActual(HttpRequest<?> request, @Body String body,
                                                @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        RecordIndicatorActualRequest.Builder r = json.parse(body, RecordIndicatorActualRequest.newBuilder());
        json.withIdempotencyKey(r, idempotencyKey);
        return created(call(request, s -> s.recordIndicatorActual(r.build())));
    }

    @Get(uri = "/consumption-targets", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The 附件1 information-consumption target tree with actuals")
    public HttpResponse<String> consumption(HttpRequest<?> request, @Nullable @QueryValue String month) {
        GetConsumptionTargetsRequest r = GetConsumptionTargetsRequest.newBuilder().setMonth(text(month)).build();
        return ok(call(request, s -> s.getConsumptionTargets(r)));
    }

    @Post(uri = "/consumption-actuals", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record a monthly consumption actual in 亿元 (broadband:admin)",
            description = "Body: {requestId, nodeId (e.g. \"consumption.1.1\"), month, value, note}.")
    public HttpResponse<String> consumptionActual(HttpRequest<?> request, @Body String body,
                                                  @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        RecordConsumptionActualRequest.Builder r = json.parse(body, RecordConsumptionActualRequest.newBuilder());
        json.withIdempotencyKey(r, idempotencyKey);
        return created(call(request, s -> s.recordConsumptionActual(r.build())));
    }

    @Get(uri = "/reconciliation", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "附件3 vs 附件2: discrepancies, every repair with its evidence, unresolved items")
    public HttpResponse<String> reconciliation(HttpRequest<?> request) {
        return ok(call(request, s -> s.getReconciliation(GetReconciliationRequest.getDefaultInstance())));
    }

    @Get(uri = "/reports/{file}", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The monthly public report (实施方案 四(四)): /reports/2017-06 as JSON, /reports/2017-06.csv as CSV",
            description = "Plan vs actual by programme, category and owner, completion rates, reported/late/missing "
                    + "counts, one line per project with its missing months, indicators and the consumption tree.")
    public HttpResponse<String> report(HttpRequest<?> request,
            @Parameter(description = "yyyy-MM, or yyyy-MM.csv for CSV") @PathVariable String file) {
        boolean csv = file.endsWith(".csv");
        GetMonthlyReportRequest r = GetMonthlyReportRequest.newBuilder()
                .setMonth(csv ? file.substring(0, file.length() - 4) : file).build();
        if (!csv) {
            return ok(downstream.call(SERVICE, request, broadband, REPORT_DEADLINE_MS, s -> s.getMonthlyReport(r)));
        }
        CsvDocument doc = downstream.call(SERVICE, request, broadband, REPORT_DEADLINE_MS,
                s -> s.getMonthlyReportCsv(r));
        return HttpResponse.ok(doc.getContent()).contentType(MediaType.of(doc.getContentType()))
                .header("Content-Disposition", "attachment; filename=\"" + doc.getFileName() + "\"");
    }

    private <R> R call(HttpRequest<?> request,
                       Function<BroadbandServiceGrpc.BroadbandServiceBlockingStub, R> call) {
        return downstream.call(SERVICE, request, broadband, call);
    }

    private HttpResponse<String> ok(Message message) {
        return HttpResponse.ok(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private HttpResponse<String> created(Message message) {
        return HttpResponse.<String>status(HttpStatus.CREATED).body(json.print(message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
