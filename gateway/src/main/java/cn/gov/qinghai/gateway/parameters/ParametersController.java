package cn.gov.qinghai.gateway.parameters;

import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.FieldViolation;
import cn.gov.qinghai.kit.grpc.Pages;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * The public parameters API: every figure the platform takes from a policy document, and every standard published at
 * run time, with its dated history and citations (OpenFisca's {@code /parameters} and {@code /parameter/{id}}).
 * Gathered from every service's {@code ParametersService}; read-only and anonymous.
 */
@Controller("/api/v1/parameters")
@Tag(name = "parameters", description = "Policy parameters of every service: dated values, citations, decisions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class ParametersController {

    private final ParametersDirectory directory;
    private final GrpcJson json;

    ParametersController(ParametersDirectory directory, GrpcJson json) {
        this.directory = directory;
        this.json = json;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Every policy parameter, ordered by id",
            description = "Each with id, description, unit, reference (document, clause, title), every dated value "
                    + "(from, startUnknown, repeal, value or byRegion, citation, decision, source POLICY_DOCUMENT or "
                    + "PUBLISHED with publishedBy/publishedAt), the documents it cites and serviceName. Filters: "
                    + "document (a document number cited anywhere in the history, e.g. 青政〔2017〕41号) and service "
                    + "(e.g. wage, dibao). Paged with pageSize (default 50, max 1000) and pageToken. A service that "
                    + "cannot be reached is named in unavailableServices; the others are still listed.")
    public HttpResponse<String> list(
            HttpRequest<?> request,
            @Parameter(description = "Document number, e.g. 青政〔2017〕41号") @Nullable @QueryValue String document,
            @Parameter(description = "Service name, e.g. wage, dibao, enterprise-cost") @Nullable @QueryValue
                    String service,
            @Nullable @QueryValue Integer pageSize,
            @Nullable @QueryValue String pageToken) {
        FieldErrors errors = new FieldErrors();
        String doc = errors.optionalText("document", document, 200);
        String svc = service == null ? "" : service;
        if (!svc.isEmpty() && !directory.serviceNames().contains(svc)) {
            errors.add("service", "must be one of " + directory.serviceNames());
        }
        Pages.Window window = Pages.window(errors, pageSize == null ? 0 : pageSize, pageToken == null ? "" : pageToken);
        throwIfInvalid(errors);
        ParametersDirectory.Listing listing = directory.list(request, svc, doc == null ? "" : doc);
        JsonArray items = new JsonArray();
        for (ParametersDirectory.Owned o : window.slice(listing.parameters())) {
            JsonObject p = json.printTree(o.parameter());
            p.addProperty("serviceName", o.service());
            items.add(p);
        }
        JsonObject out = new JsonObject();
        out.add("parameters", items);
        out.addProperty("nextPageToken", window.nextToken(listing.parameters().size()));
        out.addProperty("totalSize", listing.parameters().size());
        out.add("unavailableServices", strings(listing.unavailable()));
        return HttpResponse.ok(out.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "One parameter with its whole history, and the value in force on a date",
            description = "With date (ISO yyyy-MM-dd) the answer's `at` gives the entry in force then (inForce false "
                    + "with reason NOT_YET_IN_FORCE or REPEALED when none) and the newest published values per region. "
                    + "404 when no service has the id.")
    public HttpResponse<String> get(
            HttpRequest<?> request,
            @Parameter(description = "Parameter id, e.g. wage.minimum_wage.monthly") @PathVariable String id,
            @Parameter(description = "ISO date, e.g. 2017-05-01") @Nullable @QueryValue String date) {
        FieldErrors errors = new FieldErrors();
        errors.text("id", id, 200);
        errors.optionalDate("date", date);
        throwIfInvalid(errors);
        ParametersDirectory.Found found = directory.get(request, id, date == null ? "" : date);
        ParametersDirectory.OwnedAnswer answer = found.answer()
                .orElseThrow(() -> found.unavailable().isEmpty()
                        ? new ProblemException(
                                HttpStatus.NOT_FOUND, "PARAMETER_NOT_FOUND", "no parameter " + id, List.of())
                        : new ProblemException(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "UNAVAILABLE",
                                "no reachable service has " + id + "; not reachable: " + found.unavailable(),
                                List.of()));
        JsonObject out = json.printTree(answer.response());
        out.getAsJsonObject("parameter").addProperty("serviceName", answer.service());
        return HttpResponse.ok(out.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static void throwIfInvalid(FieldErrors errors) {
        if (!errors.isEmpty()) {
            List<Problem.InvalidField> fields = new ArrayList<>();
            for (FieldViolation v : errors.violations()) {
                fields.add(new Problem.InvalidField(
                        v.field().replace("page.pageSize", "pageSize").replace("page.pageToken", "pageToken"),
                        v.description()));
            }
            throw ProblemException.invalid(fields);
        }
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
