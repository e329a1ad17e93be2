package cn.gov.qinghai.gateway.hotline;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.api.Problems;
import cn.gov.qinghai.hotline.v1.GetTicketRequest;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.ListCategoriesRequest;
import cn.gov.qinghai.hotline.v1.ListPublicTicketsRequest;
import cn.gov.qinghai.hotline.v1.Principle;
import cn.gov.qinghai.hotline.v1.Source;
import cn.gov.qinghai.hotline.v1.SubmitTicketRequest;
import cn.gov.qinghai.hotline.v1.SubmitTicketResponse;
import cn.gov.qinghai.hotline.v1.Ticket;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An Open311 GeoReport v2-compatible face of the 12345 hotline, so existing 311 clients work: {@code services.json}
 * (the diverted categories of 96号 二(二)3), {@code requests.json} GET/POST, {@code requests/{id}.json},
 * {@code tokens/{token}.json}. {@code jurisdiction_id} is the GB/T 2260 region code (required on POST). An
 * emergency description is refused with "call 110 now" and no request is created. Errors are Open311 error arrays.
 */
@Controller("/open311/v2")
@Tag(name = "open311", description = "Open311 GeoReport v2 for the 12345 hotline (青政办〔2017〕96号)")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class Open311Controller {

    private final HotlineServiceGrpc.HotlineServiceBlockingStub hotline;
    private final Downstream downstream;

    Open311Controller(HotlineServiceGrpc.HotlineServiceBlockingStub hotline, Downstream downstream) {
        this.hotline = hotline;
        this.downstream = downstream;
    }

    @Get(uri = "/services.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Open311 service list: the categories 12345 takes (二(二)3); emergencies are 110's")
    public HttpResponse<String> services(HttpRequest<?> request, @Nullable @QueryValue String locale) {
        return answer(
                () -> {
                    JsonArray out = new JsonArray();
                    downstream
                            .call(
                                    HotlineReportsController.SERVICE,
                                    request,
                                    hotline,
                                    s -> s.listCategories(ListCategoriesRequest.getDefaultInstance()))
                            .getCategoriesList()
                            .stream()
                            .filter(c -> c.getPrinciple() == Principle.DIVERSION)
                            .forEach(c -> out.add(Open311Json.service(c, english(locale))));
                    return out;
                },
                HttpStatus.OK);
    }

    @Post(
            uri = "/requests.json",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Open311 POST service request",
            description = "Form fields: jurisdiction_id (region code, required), service_code, description, lat, long, "
                    + "address_string, phone; first_name/last_name/email/device_id/account_id/media_url are accepted "
                    + "and not stored. Idempotency-Key header makes retries safe. 400 'call 110 now' for emergencies.")
    public HttpResponse<String> submit(
            HttpRequest<?> request,
            @Body Map<String, String> form,
            @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        String token =
                idempotencyKey != null && !idempotencyKey.isEmpty() ? idempotencyKey : "o311-" + UUID.randomUUID();
        SubmitTicketRequest r = SubmitTicketRequest.newBuilder()
                .setRequestId(token)
                .setSource(Source.OPEN311)
                .setRegion(v(form, "jurisdiction_id"))
                .setCategoryCode(v(form, "service_code"))
                .setDescription(v(form, "description"))
                .setLatitude(v(form, "lat"))
                .setLongitude(v(form, "long"))
                .setAddress(v(form, "address_string"))
                .setCallerPhone(v(form, "phone"))
                .build();
        try {
            SubmitTicketResponse answer =
                    downstream.call(HotlineReportsController.SERVICE, request, hotline, s -> s.submitTicket(r));
            if (!answer.hasTicket()) {
                JsonArray out = new JsonArray();
                out.add(Open311Json.error(
                        400, "EMERGENCY: " + answer.getClassification().getReason()));
                throw new Open311Exception(HttpStatus.BAD_REQUEST, out);
            }
            JsonObject created = new JsonObject();
            created.addProperty("service_request_id", answer.getTicket().getNumber());
            created.addProperty("token", token);
            created.addProperty("service_notice", answer.getClassification().getReason());
            created.addProperty("account_id", "");
            JsonArray out = new JsonArray();
            out.add(created);
            return json(answer.getReplayed() ? HttpStatus.OK : HttpStatus.CREATED, out);
        } catch (DownstreamException e) {
            throw failure(e);
        }
    }

    @Get(uri = "/requests.json", produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Open311 GET service requests (public view)",
            description = "service_request_id (comma-separated) or filters: jurisdiction_id, service_code, "
                    + "status (open|closed), start_date, end_date (ISO dates). At most 1000 per call.")
    public HttpResponse<String> requests(
            HttpRequest<?> request,
            @Nullable @QueryValue("service_request_id") String ids,
            @Nullable @QueryValue("jurisdiction_id") String jurisdiction,
            @Nullable @QueryValue("service_code") String serviceCode,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue("start_date") String startDate,
            @Nullable @QueryValue("end_date") String endDate,
            @Nullable @QueryValue String locale) {
        return answer(
                () -> {
                    JsonArray out = new JsonArray();
                    if (ids != null && !ids.isBlank()) {
                        for (String id : Arrays.stream(ids.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .limit(100)
                                .toList()) {
                            out.add(Open311Json.request(
                                    ticket(
                                            request,
                                            GetTicketRequest.newBuilder()
                                                    .setNumber(id)
                                                    .build()),
                                    english(locale)));
                        }
                        return out;
                    }
                    ListPublicTicketsRequest r = ListPublicTicketsRequest.newBuilder()
                            .setRegion(text(jurisdiction))
                            .setCategoryCode(text(serviceCode))
                            .setStatus(text(status))
                            .setFrom(date(startDate))
                            .setTo(date(endDate))
                            .setPageSize(1000)
                            .build();
                    downstream
                            .call(HotlineReportsController.SERVICE, request, hotline, s -> s.listPublicTickets(r))
                            .getTicketsList()
                            .forEach(t -> out.add(Open311Json.request(t, english(locale))));
                    return out;
                },
                HttpStatus.OK);
    }

    @Get(uri = "/requests/{id}.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Open311 GET one service request (public view)")
    public HttpResponse<String> one(
            HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String locale) {
        return answer(
                () -> {
                    JsonArray out = new JsonArray();
                    out.add(Open311Json.request(
                            ticket(
                                    request,
                                    GetTicketRequest.newBuilder().setNumber(id).build()),
                            english(locale)));
                    return out;
                },
                HttpStatus.OK);
    }

    @Get(uri = "/tokens/{token}.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Open311 token → service_request_id")
    public HttpResponse<String> token(HttpRequest<?> request, @PathVariable String token) {
        return answer(
                () -> {
                    Ticket t = ticket(
                            request,
                            GetTicketRequest.newBuilder().setRequestId(token).build());
                    JsonObject o = new JsonObject();
                    o.addProperty("service_request_id", t.getNumber());
                    o.addProperty("token", token);
                    JsonArray out = new JsonArray();
                    out.add(o);
                    return out;
                },
                HttpStatus.OK);
    }

    private Ticket ticket(HttpRequest<?> request, GetTicketRequest r) {
        return downstream.call(HotlineReportsController.SERVICE, request, hotline, s -> s.getTicket(r));
    }

    private HttpResponse<String> answer(Supplier<JsonElement> body, HttpStatus status) {
        try {
            return json(status, body.get());
        } catch (DownstreamException e) {
            throw failure(e);
        }
    }

    private static Open311Exception failure(DownstreamException e) {
        HttpStatus status = Problems.httpStatus(e.grpc().getStatus().getCode());
        return new Open311Exception(status, Open311Json.errors(status.getCode(), e.grpc()));
    }

    private static HttpResponse<String> json(HttpStatus status, JsonElement body) {
        return HttpResponse.<String>status(status).body(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Open311 dates are ISO 8601 date-times; the day part is what the hotline filters on. */
    private static String date(String v) {
        return v == null || v.length() < 10 ? text(v) : v.substring(0, 10);
    }

    private static boolean english(String locale) {
        return locale != null && locale.toLowerCase().startsWith("en");
    }

    private static String v(Map<String, String> form, String key) {
        String value = form == null ? null : form.get(key);
        return value == null ? "" : value;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
