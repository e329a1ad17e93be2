package cn.gov.qinghai.gateway.hotline;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.hotline.v1.ClassifyMatterRequest;
import cn.gov.qinghai.hotline.v1.CsvDocument;
import cn.gov.qinghai.hotline.v1.GetSupervisionReportRequest;
import cn.gov.qinghai.hotline.v1.GetTicketRequest;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.ListCategoriesRequest;
import cn.gov.qinghai.hotline.v1.ListOverdueTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListRolloutRequest;
import cn.gov.qinghai.hotline.v1.ListTicketsRequest;
import cn.gov.qinghai.hotline.v1.SampleClosedTicketsRequest;
import cn.gov.qinghai.hotline.v1.SubmitTicketRequest;
import cn.gov.qinghai.hotline.v1.TicketState;
import cn.gov.qinghai.hotline.v1.TransitionTicketRequest;
import cn.gov.qinghai.common.v1.PageRequest;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * REST for the 12345 hotline (青政办〔2017〕96号): each route is one gRPC call. The catalogue, classification,
 * roll-out, intake and tracking are public (三(二) publicity); ticket work, overdue lists and supervision need a
 * token and the service decides roles (hotline:operator, hotline:agency, hotline:supervisor) and regions.
 */
@Controller("/api/v1/hotline")
@Tag(name = "hotline", description = "12345 non-emergency hotline: 110/12345 hand-off, tickets, supervision (青政办〔2017〕96号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HotlineController {

    static final String SERVICE = "hotline";
    /** A report over a million tickets takes a few seconds on a loaded machine. */
    private static final long REPORT_DEADLINE_MS = 30_000;

    private final HotlineServiceGrpc.HotlineServiceBlockingStub hotline;
    private final Downstream downstream;
    private final GrpcJson json;

    HotlineController(HotlineServiceGrpc.HotlineServiceBlockingStub hotline, Downstream downstream, GrpcJson json) {
        this.hotline = hotline;
        this.downstream = downstream;
        this.json = json;
    }

    @Get(uri = "/categories", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The 二(二) category catalogue: principle, channel, hotline, departments, keywords",
            description = "date (yyyy-MM-dd, optional): the catalogue in force that day.")
    public HttpResponse<String> categories(HttpRequest<?> request, @Nullable @QueryValue String date) {
        ListCategoriesRequest r = ListCategoriesRequest.newBuilder().setDate(text(date)).build();
        return ok(call(request, s -> s.listCategories(r)));
    }

    @Post(uri = "/classify", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Classify a matter (no ticket): channel, reason, clause, hand-off mode, explanation",
            description = "Body: {description, categoryCode?, region, date?}. An emergency answers call110Now = true; "
                    + "a matter the catalogue cannot place answers PERSON_REVIEW.")
    public HttpResponse<String> classify(HttpRequest<?> request, @Body String body) {
        ClassifyMatterRequest r = json.parse(body, ClassifyMatterRequest.newBuilder()).build();
        return ok(call(request, s -> s.classifyMatter(r)));
    }

    @Get(uri = "/rollout", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "12345 roll-out by region (三(一)): 24-hour platforms, lines not yet normal, the 2017-08-31 deadline")
    public HttpResponse<String> rollout(HttpRequest<?> request, @Nullable @QueryValue String date) {
        ListRolloutRequest r = ListRolloutRequest.newBuilder().setDate(text(date)).build();
        return ok(call(request, s -> s.listRollout(r)));
    }

    @Post(uri = "/tickets", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Submit a matter: an emergency answers call110Now (200, no ticket); otherwise 201 with the ticket",
            description = "Body: {requestId, description, categoryCode?, region, address?, latitude?, longitude?, "
                    + "callerPhone?, source?}. requestId (or the Idempotency-Key header) makes retries safe; source "
                    + "PHONE_12345 or TRANSFER_FROM_110 needs hotline:operator.")
    public HttpResponse<String> submit(HttpRequest<?> request, @Body String body,
                                       @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        SubmitTicketRequest.Builder r = json.parse(body, SubmitTicketRequest.newBuilder());
        json.withIdempotencyKey(r, idempotencyKey);
        var answer = call(request, s -> s.submitTicket(r.build()));
        return answer.hasTicket() && !answer.getReplayed() ? created(answer) : ok(answer);
    }

    @Get(uri = "/tickets/{number}", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Track a ticket by number: the public view, or everything for its operators and agency")
    public HttpResponse<String> ticket(HttpRequest<?> request, @PathVariable String number) {
        GetTicketRequest r = GetTicketRequest.newBuilder().setNumber(number).build();
        return ok(call(request, s -> s.getTicket(r)));
    }

    @Get(uri = "/tickets", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Tickets the caller may see, newest first (operators/supervisors: their regions; agencies: their own)",
            description = "Filters: region, state, agencyId, categoryCode; pageSize, pageToken.")
    public HttpResponse<String> tickets(HttpRequest<?> request, @Nullable @QueryValue String region,
                                        @Nullable @QueryValue String state, @Nullable @QueryValue String agencyId,
                                        @Nullable @QueryValue String categoryCode,
                                        @Nullable @QueryValue Integer pageSize, @Nullable @QueryValue String pageToken) {
        ListTicketsRequest r = ListTicketsRequest.newBuilder().setRegion(text(region)).setState(state(state))
                .setAgencyId(text(agencyId)).setCategoryCode(text(categoryCode)).setPage(page(pageSize, pageToken))
                .build();
        return ok(call(request, s -> s.listTickets(r)));
    }

    @Post(uri = "/tickets/{number}/transitions", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One step of a ticket: CLASSIFY, ACCEPT, RETURN, REASSIGN, START, RESOLVE, RECORD_FEEDBACK, CLOSE, REOPEN",
            description = "Body: {action, expectedVersion, requestId, reason?, result?, feedback?, categoryCode?, "
                    + "agencyId?, note?}. 409 with currentState when the step is not allowed now, or when the "
                    + "version changed (VERSION_CONFLICT).")
    public HttpResponse<String> transition(HttpRequest<?> request, @PathVariable String number, @Body String body,
                                           @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        TransitionTicketRequest.Builder r = json.parse(body, TransitionTicketRequest.newBuilder()).setNumber(number);
        json.withIdempotencyKey(r, idempotencyKey);
        return ok(call(request, s -> s.transitionTicket(r.build())));
    }

    @Get(uri = "/overdue", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Open tickets past their local time limit, most overdue first")
    public HttpResponse<String> overdue(HttpRequest<?> request, @Nullable @QueryValue String region,
                                        @Nullable @QueryValue Integer pageSize, @Nullable @QueryValue String pageToken) {
        ListOverdueTicketsRequest r = ListOverdueTicketsRequest.newBuilder().setRegion(text(region))
                .setPage(page(pageSize, pageToken)).build();
        return ok(call(request, s -> s.listOverdueTickets(r)));
    }

    @Get(uri = "/samples", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "日常抽查: a reproducible random sample of closed tickets (hotline:supervisor)",
            description = "from, to (yyyy-MM-dd, closed between, inclusive), size (1–200), seed (optional), region.")
    public HttpResponse<String> sample(HttpRequest<?> request, @Nullable @QueryValue String region,
                                       @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                       @Nullable @QueryValue Integer size, @Nullable @QueryValue String seed) {
        SampleClosedTicketsRequest r = SampleClosedTicketsRequest.newBuilder().setRegion(text(region))
                .setFrom(text(from)).setTo(text(to)).setSize(size == null ? 0 : size).setSeed(text(seed)).build();
        return ok(call(request, s -> s.sampleClosedTickets(r)));
    }

    @Get(uri = "/reports/{file}", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "季度通报 /reports/2017-Q3 or 年度考核 /reports/2017; add .csv for CSV (hotline:supervisor)",
            description = "Per region and agency: received, resolved, on-time rate, satisfaction, reopen rate, "
                    + "overdue; volumes by channel and category. region (optional) narrows to a prefecture.")
    public HttpResponse<String> report(HttpRequest<?> request, @PathVariable String file,
                                       @Nullable @QueryValue String region) {
        boolean csv = file.endsWith(".csv");
        GetSupervisionReportRequest r = GetSupervisionReportRequest.newBuilder()
                .setPeriod(csv ? file.substring(0, file.length() - 4) : file).setRegion(text(region)).build();
        if (!csv) {
            return ok(downstream.call(SERVICE, request, hotline, REPORT_DEADLINE_MS, s -> s.getSupervisionReport(r)));
        }
        CsvDocument doc = downstream.call(SERVICE, request, hotline, REPORT_DEADLINE_MS,
                s -> s.getSupervisionReportCsv(r));
        return HttpResponse.ok(doc.getContent()).contentType(MediaType.of(doc.getContentType()))
                .header("Content-Disposition", "attachment; filename=\"" + doc.getFileName() + "\"");
    }

    private <R> R call(HttpRequest<?> request, Function<HotlineServiceGrpc.HotlineServiceBlockingStub, R> call) {
        return downstream.call(SERVICE, request, hotline, call);
    }

    private HttpResponse<String> ok(Message message) {
        return HttpResponse.ok(json.print(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private HttpResponse<String> created(Message message) {
        return HttpResponse.<String>status(HttpStatus.CREATED).body(json.print(message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static PageRequest page(Integer size, String token) {
        return PageRequest.newBuilder().setPageSize(size == null ? 0 : size).setPageToken(text(token)).build();
    }

    /** A state name from the query; unknown names are a 400 naming the allowed ones. */
    static TicketState state(String name) {
        if (name == null || name.isEmpty()) {
            return TicketState.TICKET_STATE_UNSPECIFIED;
        }
        List<String> allowed = Arrays.stream(TicketState.values())
                .filter(s -> s != TicketState.UNRECOGNIZED && s != TicketState.TICKET_STATE_UNSPECIFIED)
                .map(Enum::name).toList();
        if (!allowed.contains(name)) {
            throw ProblemException.invalid(List.of(new Problem.InvalidField("state",
                    "unknown state; allowed: " + String.join(", ", allowed))));
        }
        return TicketState.valueOf(name);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
