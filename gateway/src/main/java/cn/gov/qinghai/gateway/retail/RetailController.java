package cn.gov.qinghai.gateway.retail;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import cn.gov.qinghai.retail.v1.AcknowledgeAlertRequest;
import cn.gov.qinghai.retail.v1.AggregateDimension;
import cn.gov.qinghai.retail.v1.DecideSubsidyApplicationRequest;
import cn.gov.qinghai.retail.v1.EnrolPalletPilotRequest;
import cn.gov.qinghai.retail.v1.GetEnterpriseRequest;
import cn.gov.qinghai.retail.v1.GetRecallReachRequest;
import cn.gov.qinghai.retail.v1.GetRetailAggregatesRequest;
import cn.gov.qinghai.retail.v1.GetTownshipCoverageRequest;
import cn.gov.qinghai.retail.v1.GetTraceRequest;
import cn.gov.qinghai.retail.v1.ListBrandsRequest;
import cn.gov.qinghai.retail.v1.ListExcursionsRequest;
import cn.gov.qinghai.retail.v1.ListFormatsRequest;
import cn.gov.qinghai.retail.v1.ListOpenAlertsRequest;
import cn.gov.qinghai.retail.v1.ListOutletsRequest;
import cn.gov.qinghai.retail.v1.RecogniseBrandRequest;
import cn.gov.qinghai.retail.v1.RecallBatchRequest;
import cn.gov.qinghai.retail.v1.RecordTraceEventRequest;
import cn.gov.qinghai.retail.v1.RegisterEnterpriseRequest;
import cn.gov.qinghai.retail.v1.RegisterOutletRequest;
import cn.gov.qinghai.retail.v1.RegisterServicePointRequest;
import cn.gov.qinghai.retail.v1.RegisterShipmentRequest;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import cn.gov.qinghai.retail.v1.SubmitMonthlyReportRequest;
import cn.gov.qinghai.retail.v1.SubmitSubsidyApplicationRequest;
import com.google.protobuf.MessageOrBuilder;
import io.micronaut.context.annotation.Value;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * REST for the retail service (青政办〔2017〕85号): each route is one gRPC call (the readings upload is one
 * client-streamed call). Roles and regions are decided by the service; department routes only require a token here.
 */
@Controller("/api/v1/retail")
@Tag(name = "retail", description = "Retail outlets, traceability, cold chain, rural network, statistics (青政办〔2017〕85号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RetailController {

    private static final String SERVICE = "retail";
    private final RetailServiceGrpc.RetailServiceBlockingStub retail;
    private final RetailServiceGrpc.RetailServiceStub retailAsync;
    private final Downstream downstream;
    private final GrpcJson json;
    private final long uploadDeadlineMs;

    RetailController(RetailServiceGrpc.RetailServiceBlockingStub retail, RetailServiceGrpc.RetailServiceStub retailAsync,
                     Downstream downstream, GrpcJson json,
                     @Value("${qinghai.gateway.upload-deadline:30s}") Duration uploadDeadline) {
        this.retail = retail;
        this.retailAsync = retailAsync;
        this.downstream = downstream;
        this.json = json;
        this.uploadDeadlineMs = uploadDeadline.toMillis();
    }

    // ---------------------------------------------------------------- public

    @Get(uri = "/trace/{batchCode}", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Public trace look-up of a product batch (一(三))",
            description = "The batch's events in order (PRODUCED, SHIPPED, RECEIVED, SOLD), each with actor, hash chain "
                    + "link and the organisation's signature, plus chainVerified. 404 for an unknown batch code.")
    public HttpResponse<String> trace(HttpRequest<?> request, @PathVariable String batchCode) {
        GetTraceRequest r = GetTraceRequest.newBuilder().setBatchCode(batchCode).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.getTrace(r)));
    }

    @Get(uri = "/outlets", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Outlets by region and format", description = "region: 630000, a prefecture or a county code; "
            + "format: a code from /formats. Paged with pageSize and pageToken.")
    public HttpResponse<String> outlets(HttpRequest<?> request, @Nullable @QueryValue String region,
                                        @Nullable @QueryValue String format, @Nullable @QueryValue Integer pageSize,
                                        @Nullable @QueryValue String pageToken) {
        ListOutletsRequest r = ListOutletsRequest.newBuilder().setRegion(nz(region)).setFormat(nz(format))
                .setPageSize(pageSize == null ? 0 : pageSize).setPageToken(pageToken == null ? "" : pageToken).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.listOutlets(r)));
    }

    @Get(uri = "/formats", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Retail formats named by 一(二) (parameter list)")
    public HttpResponse<String> formats(HttpRequest<?> request) {
        return ok(downstream.call(SERVICE, request, retail, s -> s.listFormats(ListFormatsRequest.getDefaultInstance())));
    }

    @Get(uri = "/enterprises/{creditCode}", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A registered retail enterprise by unified social credit code")
    public HttpResponse<String> enterprise(HttpRequest<?> request, @PathVariable String creditCode) {
        GetEnterpriseRequest r = GetEnterpriseRequest.newBuilder().setCreditCode(creditCode).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.getEnterprise(r)));
    }

    @Get(uri = "/brands", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Recognised 青海老字号 brands (一(三))")
    public HttpResponse<String> brands(HttpRequest<?> request, @Nullable @QueryValue Integer pageSize,
                                       @Nullable @QueryValue String pageToken) {
        ListBrandsRequest r = ListBrandsRequest.newBuilder().setPageSize(pageSize == null ? 0 : pageSize).setPageToken(pageToken == null ? "" : pageToken).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.listBrands(r)));
    }

    @Get(uri = "/coverage", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Rural service network coverage by township of a county or prefecture (一(一))")
    public HttpResponse<String> coverage(HttpRequest<?> request, @Nullable @QueryValue String region) {
        GetTownshipCoverageRequest r = GetTownshipCoverageRequest.newBuilder().setRegion(nz(region)).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.getTownshipCoverage(r)));
    }

    // ---------------------------------------------------------------- department and organisations

    @Post(uri = "/enterprises", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Register a retail enterprise", description = "Body: {creditCode, name, region, chain, "
            + "hqLicenceNumber}. 400 when the credit code fails the GB 32100-2015 check; 409 when it is registered already.")
    public HttpResponse<String> registerEnterprise(HttpRequest<?> request, @Body String body) {
        RegisterEnterpriseRequest r = json.parse(body, RegisterEnterpriseRequest.newBuilder()).build();
        return created(downstream.call(SERVICE, request, retail, s -> s.registerEnterprise(r)));
    }

    @Post(uri = "/outlets", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Register or file an outlet (四(二))", description = "Body: {requestId, enterpriseCreditCode, "
            + "name, region, format, address, licenceMode OWN_LICENCE|HQ_LICENCE_FILING|ONE_LICENCE_MANY_ADDRESSES, "
            + "licenceNumber}. A chain outlet is filed under the HQ licence and never refused for lack of its own.")
    public HttpResponse<String> registerOutlet(HttpRequest<?> request, @Body String body,
                                               @Nullable @Header("Idempotency-Key") String key) {
        RegisterOutletRequest.Builder r = json.parse(body, RegisterOutletRequest.newBuilder());
        json.withIdempotencyKey(r, key);
        return created(downstream.call(SERVICE, request, retail, s -> s.registerOutlet(r.build())));
    }

    @Post(uri = "/brands", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record a 青海老字号 recognition (commerce officer)")
    public HttpResponse<String> recogniseBrand(HttpRequest<?> request, @Body String body) {
        RecogniseBrandRequest r = json.parse(body, RecogniseBrandRequest.newBuilder()).build();
        return created(downstream.call(SERVICE, request, retail, s -> s.recogniseBrand(r)));
    }

    @Post(uri = "/pallet-pilots", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Enrol a standard-pallet (1200×1000 mm) pilot enterprise with its pallet stock (二(四))")
    public HttpResponse<String> palletPilot(HttpRequest<?> request, @Body String body) {
        EnrolPalletPilotRequest r = json.parse(body, EnrolPalletPilotRequest.newBuilder()).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.enrolPalletPilot(r)));
    }

    @Post(uri = "/trace-events", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record a signed trace event of a batch (role retail:enterprise)", description = "Body: "
            + "{requestId, batchCode, type PRODUCED|SHIPPED|RECEIVED|SOLD, occurredAt, product, quantity, "
            + "parentBatchCode, counterparty, outletId}.")
    public HttpResponse<String> traceEvent(HttpRequest<?> request, @Body String body,
                                           @Nullable @Header("Idempotency-Key") String key) {
        RecordTraceEventRequest.Builder r = json.parse(body, RecordTraceEventRequest.newBuilder());
        json.withIdempotencyKey(r, key);
        return created(downstream.call(SERVICE, request, retail, s -> s.recordTraceEvent(r.build())));
    }

    @Get(uri = "/batches/{batchCode}/recall-reach", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Recall reach: every party and outlet that received the batch or a split of it (commerce officer)")
    public HttpResponse<String> recallReach(HttpRequest<?> request, @PathVariable String batchCode) {
        GetRecallReachRequest r = GetRecallReachRequest.newBuilder().setBatchCode(batchCode).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.getRecallReach(r)));
    }

    @Post(uri = "/batches/{batchCode}/recalls", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Recall a batch (commerce officer): shown in the public trace of the batch and its splits",
            description = "Body: {requestId, reason}. requestId (or the Idempotency-Key header) makes retries safe; "
                    + "404 for an unknown batch.")
    public HttpResponse<String> recall(HttpRequest<?> request, @PathVariable String batchCode, @Body String body,
                                       @Nullable @Header("Idempotency-Key") String key) {
        RecallBatchRequest.Builder r = json.parse(body, RecallBatchRequest.newBuilder()).setBatchCode(batchCode);
        json.withIdempotencyKey(r, key);
        return created(downstream.call(SERVICE, request, retail, s -> s.recallBatch(r.build())));
    }

    @Post(uri = "/shipments", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Register a temperature-controlled shipment (role retail:carrier)",
            description = "Body: {shipmentCode, productClass (chilled, frozen, quick_frozen), batchCode}.")
    public HttpResponse<String> shipment(HttpRequest<?> request, @Body String body) {
        RegisterShipmentRequest r = json.parse(body, RegisterShipmentRequest.newBuilder()).build();
        return created(downstream.call(SERVICE, request, retail, s -> s.registerShipment(r)));
    }

    @Post(uri = "/shipments/{shipmentCode}/readings", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Upload temperature readings of a shipment (role retail:carrier)",
            description = "Body: {readings:[{recordedAt, celsius}]}. Streamed to the service in chunks; invalid "
                    + "readings are rejected with their index (readings[i].celsius), the rest kept. Returns the "
                    + "summary with the shipment's excursions.")
    public HttpResponse<String> readings(HttpRequest<?> request, @PathVariable String shipmentCode, @Body String body) {
        StreamReadingsRequest parsed = json.parse(body, StreamReadingsRequest.newBuilder()).build();
        return ok(ReadingsUpload.send(downstream.prepare(request, retailAsync), shipmentCode,
                parsed.getReadingsList(), uploadDeadlineMs));
    }

    @Get(uri = "/shipments/{shipmentCode}/excursions", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Excursions of a shipment (its carrier or a commerce officer)")
    public HttpResponse<String> excursions(HttpRequest<?> request, @PathVariable String shipmentCode) {
        ListExcursionsRequest r = ListExcursionsRequest.newBuilder().setShipmentCode(shipmentCode).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.listExcursions(r)));
    }

    @Get(uri = "/carriers/{carrier}/alerts", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Open (unacknowledged) excursion alerts of a carrier")
    public HttpResponse<String> alerts(HttpRequest<?> request, @PathVariable String carrier,
                                       @Nullable @QueryValue Integer pageSize, @Nullable @QueryValue String pageToken) {
        ListOpenAlertsRequest r = ListOpenAlertsRequest.newBuilder().setCarrier(carrier)
                .setPageSize(pageSize == null ? 0 : pageSize).setPageToken(pageToken == null ? "" : pageToken).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.listOpenAlerts(r)));
    }

    @Post(uri = "/excursions/{id}/acknowledgement", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Acknowledge an excursion alert (the shipment's carrier)", description = "Body: {note}.")
    public HttpResponse<String> acknowledge(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        AcknowledgeAlertRequest r = json.parse(body, AcknowledgeAlertRequest.newBuilder()).setExcursionId(id).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.acknowledgeAlert(r)));
    }

    @Post(uri = "/service-points", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Register a village e-commerce service point or smart parcel locker (一(一))")
    public HttpResponse<String> servicePoint(HttpRequest<?> request, @Body String body) {
        RegisterServicePointRequest r = json.parse(body, RegisterServicePointRequest.newBuilder()).build();
        return created(downstream.call(SERVICE, request, retail, s -> s.registerServicePoint(r)));
    }

    @Post(uri = "/subsidy-applications", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Submit a construction-subsidy application (idempotent on requestId / Idempotency-Key)")
    public HttpResponse<String> submitSubsidy(HttpRequest<?> request, @Body String body,
                                              @Nullable @Header("Idempotency-Key") String key) {
        SubmitSubsidyApplicationRequest.Builder r = json.parse(body, SubmitSubsidyApplicationRequest.newBuilder());
        json.withIdempotencyKey(r, key);
        return created(downstream.call(SERVICE, request, retail, s -> s.submitSubsidyApplication(r.build())));
    }

    @Post(uri = "/subsidy-applications/{id}/decision", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Approve or reject an application (commerce officer)", description = "Body: {version, approve, "
            + "approvedAmount, reason}. 409 when the version is stale or the application is already decided.")
    public HttpResponse<String> decideSubsidy(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        DecideSubsidyApplicationRequest r = json.parse(body, DecideSubsidyApplicationRequest.newBuilder())
                .setApplicationId(id).build();
        return ok(downstream.call(SERVICE, request, retail, s -> s.decideSubsidyApplication(r)));
    }

    @Post(uri = "/monthly-reports", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Submit a monthly report of an above-threshold retailer (四(四))")
    public HttpResponse<String> monthlyReport(HttpRequest<?> request, @Body String body) {
        SubmitMonthlyReportRequest r = json.parse(body, SubmitMonthlyReportRequest.newBuilder()).build();
        return created(downstream.call(SERVICE, request, retail, s -> s.submitMonthlyReport(r)));
    }

    @Get(uri = "/statistics", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Retail aggregates by month, region and format with year-on-year change (commerce officer)",
            description = "fromMonth, toMonth (yyyy-MM), groupBy=REGION,FORMAT (comma-separated, optional), region.")
    public HttpResponse<String> statistics(HttpRequest<?> request, @Nullable @QueryValue String fromMonth,
                                           @Nullable @QueryValue String toMonth, @Nullable @QueryValue String groupBy,
                                           @Nullable @QueryValue String region) {
        GetRetailAggregatesRequest r = aggregates(fromMonth, toMonth, groupBy, region);
        return ok(downstream.call(SERVICE, request, retail, s -> s.getRetailAggregates(r)));
    }

    @Get(uri = "/statistics.csv", produces = "text/csv")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The same aggregates as CSV (UTF-8, header row)")
    public HttpResponse<String> statisticsCsv(HttpRequest<?> request, @Nullable @QueryValue String fromMonth,
                                              @Nullable @QueryValue String toMonth, @Nullable @QueryValue String groupBy,
                                              @Nullable @QueryValue String region) {
        GetRetailAggregatesRequest r = aggregates(fromMonth, toMonth, groupBy, region);
        var csv = downstream.call(SERVICE, request, retail, s -> s.exportRetailAggregates(r));
        return HttpResponse.ok(csv.getContent()).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + csv.getFilename() + "\"");
    }

    private static GetRetailAggregatesRequest aggregates(String from, String to, String groupBy, String region) {
        GetRetailAggregatesRequest.Builder b = GetRetailAggregatesRequest.newBuilder().setFromMonth(nz(from))
                .setToMonth(nz(to)).setRegion(nz(region));
        List<Problem.InvalidField> problems = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String d : groupBy.split(",")) {
                switch (d.trim().toUpperCase(Locale.ROOT)) {
                    case "REGION" -> b.addGroupBy(AggregateDimension.REGION);
                    case "FORMAT" -> b.addGroupBy(AggregateDimension.FORMAT);
                    default -> problems.add(new Problem.InvalidField("groupBy", "must be REGION, FORMAT or both, found '"
                            + (d.length() > 20 ? d.substring(0, 20) : d) + "'"));
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

    private HttpResponse<String> created(MessageOrBuilder message) {
        return HttpResponse.<String>status(HttpStatus.CREATED).body(json.print(message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
