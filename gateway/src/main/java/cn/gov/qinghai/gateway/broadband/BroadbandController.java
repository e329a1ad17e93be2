package cn.gov.qinghai.gateway.broadband;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.broadband.v1.GetMonthlyReportRequest;
import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import com.google.protobuf.Message;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The broadband route the REST transcoder cannot serve (docs/api.md, {@code HandWritten}): the monthly public report,
 * one route for JSON ({@code /reports/2017-06}) and its CSV download ({@code /reports/2017-06.csv}). Every other
 * broadband route comes from the contract's bindings.
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

    BroadbandController(
            BroadbandServiceGrpc.BroadbandServiceBlockingStub broadband, Downstream downstream, GrpcJson json) {
        this.broadband = broadband;
        this.downstream = downstream;
        this.json = json;
    }

    @Get(
            uri = "/reports/{file}",
            produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(
            summary = "The monthly public report (实施方案 四(四)): /reports/2017-06 as JSON, /reports/2017-06.csv as CSV",
            description = "Plan vs actual by programme, category and owner, completion rates, reported/late/missing "
                    + "counts, one line per project with its missing months, indicators and the consumption tree.")
    public HttpResponse<String> report(
            HttpRequest<?> request,
            @Parameter(description = "yyyy-MM, or yyyy-MM.csv for CSV") @PathVariable String file) {
        boolean csv = file.endsWith(".csv");
        GetMonthlyReportRequest r = GetMonthlyReportRequest.newBuilder()
                .setMonth(csv ? file.substring(0, file.length() - 4) : file)
                .build();
        if (!csv) {
            return ok(downstream.call(SERVICE, request, broadband, REPORT_DEADLINE_MS, s -> s.getMonthlyReport(r)));
        }
        CsvDocument doc =
                downstream.call(SERVICE, request, broadband, REPORT_DEADLINE_MS, s -> s.getMonthlyReportCsv(r));
        return HttpResponse.ok(doc.getContent())
                .contentType(MediaType.of(doc.getContentType()))
                .header("Content-Disposition", "attachment; filename=\"" + doc.getFileName() + "\"");
    }

    private HttpResponse<String> ok(Message message) {
        return HttpResponse.ok(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
