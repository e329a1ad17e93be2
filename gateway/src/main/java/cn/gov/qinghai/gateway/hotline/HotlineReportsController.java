package cn.gov.qinghai.gateway.hotline;

import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.hotline.v1.GetSupervisionReportRequest;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The hotline route the REST transcoder cannot serve (docs/api.md, {@code HandWritten}): the supervision report,
 * one route for JSON ({@code /reports/2017-Q3}, {@code /reports/2017}) and its CSV download
 * ({@code /reports/2017-Q3.csv}), with a longer deadline than a look-up. Every other department route of the hotline
 * comes from the contract's bindings; Open311 ({@link Open311Controller}) has its own wire format.
 */
@Controller("/api/v1/hotline")
@Tag(
        name = "hotline",
        description = "12345 non-emergency hotline: 110/12345 hand-off, tickets, supervision (青政办〔2017〕96号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HotlineReportsController {

    static final String SERVICE = "hotline";
    /** A report over a million tickets takes a few seconds on a loaded machine. */
    private static final long REPORT_DEADLINE_MS = 30_000;

    private final HotlineServiceGrpc.HotlineServiceBlockingStub hotline;
    private final Downstream downstream;
    private final GrpcJson json;

    HotlineReportsController(
            HotlineServiceGrpc.HotlineServiceBlockingStub hotline, Downstream downstream, GrpcJson json) {
        this.hotline = hotline;
        this.downstream = downstream;
        this.json = json;
    }

    @Get(
            uri = "/reports/{file}",
            produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "季度通报 /reports/2017-Q3 or 年度考核 /reports/2017; add .csv for CSV (hotline:supervisor)",
            description = "Per region and agency: received, resolved, on-time rate, satisfaction, reopen rate, "
                    + "overdue; volumes by channel and category. region (optional) narrows to a prefecture.")
    public HttpResponse<String> report(
            HttpRequest<?> request, @PathVariable String file, @Nullable @QueryValue String region) {
        boolean csv = file.endsWith(".csv");
        GetSupervisionReportRequest r = GetSupervisionReportRequest.newBuilder()
                .setPeriod(csv ? file.substring(0, file.length() - 4) : file)
                .setRegion(region == null ? "" : region)
                .build();
        if (!csv) {
            return HttpResponse.ok(json.print(downstream.call(
                            SERVICE, request, hotline, REPORT_DEADLINE_MS, s -> s.getSupervisionReport(r))))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        CsvDocument doc =
                downstream.call(SERVICE, request, hotline, REPORT_DEADLINE_MS, s -> s.getSupervisionReportCsv(r));
        return HttpResponse.ok(doc.getContent())
                .contentType(MediaType.of(doc.getContentType()))
                .header("Content-Disposition", "attachment; filename=\"" + doc.getFileName() + "\"");
    }
}
