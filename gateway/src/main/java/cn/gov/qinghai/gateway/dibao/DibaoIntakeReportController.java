package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.common.v1.PageRequest;
import cn.gov.qinghai.dibao.v1.DecideIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.GetIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.IntakeReportStatus;
import cn.gov.qinghai.dibao.v1.ListIntakeReportsRequest;
import cn.gov.qinghai.dibao.v1.SubmitIntakeReportRequest;
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
 * REST for the monthly intake reports of townships (青政办〔2017〕86号 二(五): 乡镇核查上报 → 县级审批 → 扶贫部门备案),
 * kept apart from {@link DibaoController} so it can move to a generic transcoder on its own: each route is one gRPC
 * call, every route needs a token and the service decides roles and regions.
 */
@Controller("/api/v1/dibao/intake-reports")
@Tag(name = "dibao")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DibaoIntakeReportController {

    private static final String SERVICE = "dibao";
    private final DibaoServiceGrpc.DibaoServiceBlockingStub dibao;
    private final Downstream downstream;
    private final GrpcJson json;

    DibaoIntakeReportController(DibaoServiceGrpc.DibaoServiceBlockingStub dibao, Downstream downstream,
                                GrpcJson json) {
        this.dibao = dibao;
        this.downstream = downstream;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a township's ended month (上报, role dibao:township-reviewer)",
            description = "Body: {requestId, county, township, month (yyyy-MM, ended), note}. The service compiles new "
                    + "applications, other decisions and exits of the month from the case record. A retry with the "
                    + "same requestId (or Idempotency-Key) returns the report; 409 when the month is already reported "
                    + "and not returned.")
    public HttpResponse<String> submit(HttpRequest<?> request, @Body String body,
                                       @Nullable @Header("Idempotency-Key") String key) {
        SubmitIntakeReportRequest.Builder b = json.parse(body, SubmitIntakeReportRequest.newBuilder());
        json.withIdempotencyKey(b, key);
        return json(HttpStatus.CREATED, downstream.call(SERVICE, request, dibao, s -> s.submitIntakeReport(b.build())));
    }

    @Post(uri = "/{id}/decisions", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve and file (PASS) or return (REJECT) a report (审批, role dibao:county-approver)",
            description = "Body: {outcome PASS|REJECT, expectedVersion, note (required when returning)}. PASS files "
                    + "the report with the county poverty office at once (filedAt).")
    public HttpResponse<String> decide(HttpRequest<?> request, @PathVariable String id, @Body String body) {
        DecideIntakeReportRequest grpcRequest = json.parse(body, DecideIntakeReportRequest.newBuilder())
                .setReportId(id).build();
        return json(HttpStatus.OK, downstream.call(SERVICE, request, dibao, s -> s.decideIntakeReport(grpcRequest)));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Intake reports of a county, newest month first",
            description = "Query: county, month (yyyy-MM), status (REPORT_SUBMITTED|REPORT_RETURNED|REPORT_FILED), "
                    + "pageSize, pageToken. The poverty office (dibao:poverty-office) sees the filed reports only, "
                    + "with filedAt.")
    public HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String county,
                                     @Nullable @QueryValue String month, @Nullable @QueryValue String status,
                                     @Nullable @QueryValue Integer pageSize, @Nullable @QueryValue String pageToken) {
        ListIntakeReportsRequest.Builder b = ListIntakeReportsRequest.newBuilder()
                .setCounty(county == null ? "" : county).setMonth(month == null ? "" : month)
                .setPage(PageRequest.newBuilder().setPageSize(pageSize == null ? 0 : pageSize)
                        .setPageToken(pageToken == null ? "" : pageToken));
        if (status != null && !status.isBlank()) {
            try {
                b.setStatus(IntakeReportStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(List.of(new Problem.InvalidField("status",
                        "must be one of REPORT_SUBMITTED, REPORT_RETURNED, REPORT_FILED")));
            }
        }
        return json(HttpStatus.OK, downstream.call(SERVICE, request, dibao, s -> s.listIntakeReports(b.build())));
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "One intake report with its contents and append-only history")
    public HttpResponse<String> get(HttpRequest<?> request, @PathVariable String id) {
        GetIntakeReportRequest grpcRequest = GetIntakeReportRequest.newBuilder().setId(id).build();
        return json(HttpStatus.OK, downstream.call(SERVICE, request, dibao, s -> s.getIntakeReport(grpcRequest)));
    }

    private HttpResponse<String> json(HttpStatus status, MessageOrBuilder message) {
        return HttpResponse.<String>status(status).body(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
