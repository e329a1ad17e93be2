package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.GetCountyPaymentMethodRequest;
import cn.gov.qinghai.dibao.v1.PublishCountyPaymentMethodRequest;
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
 * REST for the dibao county payment method (青政办〔2017〕86号 二(三) 据实补差 / 按档补助), kept apart from
 * {@link DibaoController} so it can move to a generic transcoder on its own: each route is one gRPC call.
 */
@Controller("/api/v1/dibao")
@Tag(name = "dibao")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DibaoCountySettingsController {

    private static final String SERVICE = "dibao";
    private final DibaoServiceGrpc.DibaoServiceBlockingStub dibao;
    private final Downstream downstream;
    private final GrpcJson json;

    DibaoCountySettingsController(DibaoServiceGrpc.DibaoServiceBlockingStub dibao, Downstream downstream,
                                  GrpcJson json) {
        this.dibao = dibao;
        this.downstream = downstream;
        this.json = json;
    }

    @Get(uri = "/payment-methods", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "How a county pays the dibao benefit on a date (据实补差 or 按档补助, 二(三))",
            description = "Query: county, date (ISO). GAP with source DEFAULT when the county published nothing.")
    public HttpResponse<String> paymentMethod(HttpRequest<?> request, @Nullable @QueryValue String county,
                                              @Nullable @QueryValue String date) {
        GetCountyPaymentMethodRequest grpcRequest = GetCountyPaymentMethodRequest.newBuilder()
                .setCounty(county == null ? "" : county).setDate(date == null ? "" : date).build();
        return HttpResponse.ok(json.print(downstream.call(SERVICE, request, dibao,
                s -> s.getCountyPaymentMethod(grpcRequest)))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(uri = "/payment-methods", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Publish a county's payment method (role dibao:county-approver)",
            description = "Body: {requestId, county, effectiveFrom, method GAP|TIERED, tiers:[{annualGapUpTo, "
                    + "monthlyPerPerson}], citation:{document, clause}}. Tiers ascending by the per-capita annual gap "
                    + "(inclusive bound); the last tier open-ended (annualGapUpTo empty). Append-only like standards: "
                    + "409 when in a past month or not after the newest publication.")
    public HttpResponse<String> publishPaymentMethod(HttpRequest<?> request, @Body String body,
                                                     @Nullable @Header("Idempotency-Key") String key) {
        PublishCountyPaymentMethodRequest.Builder b = json.parse(body, PublishCountyPaymentMethodRequest.newBuilder());
        json.withIdempotencyKey(b, key);
        return HttpResponse.<String>status(HttpStatus.CREATED)
                .body(json.print(downstream.call(SERVICE, request, dibao, s -> s.publishCountyPaymentMethod(b.build()))))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
