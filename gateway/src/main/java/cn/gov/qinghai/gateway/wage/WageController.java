package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.common.v1.PageRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.LookupCache;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryRequest;
import cn.gov.qinghai.wage.v1.PublishStandardRequest;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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

/** REST for the wage service (青政〔2017〕41号): each route is one gRPC call. */
@Controller("/api/v1/wage")
@Tag(name = "wage", description = "Minimum wage standards and payroll compliance (青政〔2017〕41号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WageController {

    private static final String SERVICE = "wage";
    private final WageServiceGrpc.WageServiceBlockingStub wage;
    private final Downstream downstream;
    private final GrpcJson json;
    private final LookupCache cache;

    WageController(WageServiceGrpc.WageServiceBlockingStub wage, Downstream downstream, GrpcJson json,
                   LookupCache cache) {
        this.wage = wage;
        this.downstream = downstream;
        this.json = json;
        this.cache = cache;
    }

    @Get(uri = "/minimum-wage", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Minimum wage in force in a region on a date",
            description = "Returns monthly (full-time) and hourly (part-time) standards as decimal strings in CNY, the "
                    + "citation, an explanation (array of steps) and caveats. Dates before 2017-05-01 answer with the "
                    + "2014 tiers and the caveat that the documents do not state when they began.")
    public HttpResponse<String> minimumWage(HttpRequest<?> request,
            @Parameter(description = "GB/T 2260 code: 630000 or a prefecture-level code, e.g. 630100") @Nullable @QueryValue String region,
            @Parameter(description = "ISO date, e.g. 2017-05-01") @Nullable @QueryValue String date) {
        GetMinimumWageRequest grpcRequest = GetMinimumWageRequest.newBuilder()
                .setRegion(nullToEmpty(region)).setDate(nullToEmpty(date)).build();
        return okJson(cache.get(SERVICE, "minimum-wage " + grpcRequest.getRegion() + ' ' + grpcRequest.getDate(),
                () -> json.print(downstream.call(SERVICE, request, wage, s -> s.getMinimumWage(grpcRequest)))));
    }

    @Get(uri = "/standards", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Every standard that has applied to a region, oldest first",
            description = "Policy-document standards and those published at run time, each with effective dates and "
                    + "citation. Paged with pageSize (default 50, max 1000) and pageToken.")
    public HttpResponse<String> standards(HttpRequest<?> request, @Nullable @QueryValue String region,
                                          @Nullable @QueryValue Integer pageSize, @Nullable @QueryValue String pageToken) {
        ListMinimumWageHistoryRequest grpcRequest = ListMinimumWageHistoryRequest.newBuilder()
                .setRegion(nullToEmpty(region))
                .setPage(PageRequest.newBuilder().setPageSize(pageSize == null ? 0 : pageSize)
                        .setPageToken(nullToEmpty(pageToken)))
                .build();
        return okJson(cache.get(SERVICE, "standards " + grpcRequest.getRegion() + ' ' + grpcRequest.getPage().getPageSize()
                        + ' ' + grpcRequest.getPage().getPageToken(),
                () -> json.print(downstream.call(SERVICE, request, wage, s -> s.listMinimumWageHistory(grpcRequest)))));
    }

    @Post(uri = "/standards", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Publish a new dated minimum wage standard (role wage:admin)",
            description = "Body: {requestId, region, effectiveFrom, monthly, hourly, citation:{document, clause}}. "
                    + "requestId (or the Idempotency-Key header) makes retries safe. 409 when effectiveFrom is not "
                    + "after the newest standard for the region: history is never rewritten.")
    public HttpResponse<String> publish(HttpRequest<?> request, @Body String body,
                                        @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        PublishStandardRequest.Builder grpcRequest = json.parse(body, PublishStandardRequest.newBuilder());
        json.withIdempotencyKey(grpcRequest, idempotencyKey);
        String published = json.print(downstream.call(SERVICE, request, wage,
                s -> s.publishStandard(grpcRequest.build())));
        cache.invalidate(SERVICE);
        return HttpResponse.<String>status(HttpStatus.CREATED).body(published)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(uri = "/compliance-checks", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Check up to 1,000 payroll records against the minimum wage",
            description = "Body: {records:[{region, period (yyyy-MM or yyyy-MM-dd), employment FULL_TIME|PART_TIME, "
                    + "hoursWorked, grossPay, overtimePay, specialConditionAllowances, statutoryWelfare, employerType "
                    + "(optional: ENTERPRISE|PRIVATE_NON_ENTERPRISE_UNIT|INDIVIDUAL_BUSINESS_WITH_EMPLOYEES|STATE_ORGAN|"
                    + "PUBLIC_INSTITUTION|SOCIAL_ORGANISATION are covered by 青政〔2017〕41号 二; "
                    + "INDIVIDUAL_BUSINESS_WITHOUT_EMPLOYEES|OTHER_EMPLOYER are refused with the reason)}]}. Excluded "
                    + "from counted pay per 最低工资规定 第十二条: overtime pay, special-condition allowances, statutory "
                    + "welfare. Invalid fields are listed with their index, e.g. records[3].hoursWorked.")
    public HttpResponse<String> check(HttpRequest<?> request, @Body String body) {
        CheckComplianceRequest grpcRequest = json.parse(body, CheckComplianceRequest.newBuilder()).build();
        return ok(downstream.call(SERVICE, request, wage, s -> s.checkCompliance(grpcRequest)));
    }

    private HttpResponse<String> ok(com.google.protobuf.MessageOrBuilder message) {
        return okJson(json.print(message));
    }

    private static HttpResponse<String> okJson(String body) {
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
