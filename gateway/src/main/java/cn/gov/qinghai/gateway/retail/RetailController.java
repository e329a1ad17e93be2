package cn.gov.qinghai.gateway.retail;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import cn.gov.qinghai.retail.v1.AggregateDimension;
import cn.gov.qinghai.retail.v1.GetRetailAggregatesRequest;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import com.google.protobuf.MessageOrBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The retail routes the REST transcoder cannot serve (docs/api.md, {@code HandWritten}): the readings upload (a
 * client stream fed from a JSON list) and the statistics CSV download. Every other retail route comes from the
 * contract's bindings.
 */
@Controller("/api/v1/retail")
@Tag(
        name = "retail",
        description = "Retail outlets, traceability, cold chain, rural network, statistics (青政办〔2017〕85号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RetailController {

    private static final String SERVICE = "retail";
    private final RetailServiceGrpc.RetailServiceBlockingStub retail;
    private final RetailServiceGrpc.RetailServiceStub retailAsync;
    private final Downstream downstream;
    private final GrpcJson json;
    private final long uploadDeadlineMs;

    RetailController(
            RetailServiceGrpc.RetailServiceBlockingStub retail,
            RetailServiceGrpc.RetailServiceStub retailAsync,
            Downstream downstream,
            GrpcJson json,
            @Value("${qinghai.gateway.upload-deadline:30s}") Duration uploadDeadline) {
        this.retail = retail;
        this.retailAsync = retailAsync;
        this.downstream = downstream;
        this.json = json;
        this.uploadDeadlineMs = uploadDeadline.toMillis();
    }

    @Post(
            uri = "/shipments/{shipmentCode}/readings",
            consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Upload temperature readings of a shipment (role retail:carrier)",
            description = "Body: {readings:[{recordedAt, celsius}]}. Streamed to the service in chunks; invalid "
                    + "readings are rejected with their index (readings[i].celsius), the rest kept. Returns the "
                    + "summary with the shipment's excursions.")
    public HttpResponse<String> readings(HttpRequest<?> request, @PathVariable String shipmentCode, @Body String body) {
        StreamReadingsRequest parsed =
                json.parse(body, StreamReadingsRequest.newBuilder()).build();
        return ok(ReadingsUpload.send(
                downstream.prepare(request, retailAsync), shipmentCode, parsed.getReadingsList(), uploadDeadlineMs));
    }

    @Get(uri = "/statistics.csv", produces = "text/csv")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The same aggregates as CSV (UTF-8, header row)")
    public HttpResponse<String> statisticsCsv(
            HttpRequest<?> request,
            @Nullable @QueryValue String fromMonth,
            @Nullable @QueryValue String toMonth,
            @Nullable @QueryValue String groupBy,
            @Nullable @QueryValue String region) {
        GetRetailAggregatesRequest r = aggregates(fromMonth, toMonth, groupBy, region);
        var csv = downstream.call(SERVICE, request, retail, s -> s.exportRetailAggregates(r));
        return HttpResponse.ok(csv.getContent())
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + csv.getFileName() + "\"");
    }

    private static GetRetailAggregatesRequest aggregates(String from, String to, String groupBy, String region) {
        GetRetailAggregatesRequest.Builder b = GetRetailAggregatesRequest.newBuilder()
                .setFromMonth(nz(from))
                .setToMonth(nz(to))
                .setRegion(nz(region));
        List<Problem.InvalidField> problems = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String d : groupBy.split(",")) {
                switch (d.trim().toUpperCase(Locale.ROOT)) {
                    case "REGION" -> b.addGroupBy(AggregateDimension.REGION);
                    case "FORMAT" -> b.addGroupBy(AggregateDimension.FORMAT);
                    default ->
                        problems.add(new Problem.InvalidField(
                                "groupBy",
                                "must be REGION, FORMAT or both, found '" + (d.length() > 20 ? d.substring(0, 20) : d)
                                        + "'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return b.build();
    }

    private HttpResponse<String> ok(MessageOrBuilder message) {
        return HttpResponse.ok(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
