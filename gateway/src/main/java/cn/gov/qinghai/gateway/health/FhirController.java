package cn.gov.qinghai.gateway.health;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.health.v1.FhirResource;
import cn.gov.qinghai.health.v1.GetFhirCapabilityStatementRequest;
import cn.gov.qinghai.health.v1.GetFhirDefinitionRequest;
import cn.gov.qinghai.health.v1.GetFhirPatientEverythingRequest;
import cn.gov.qinghai.health.v1.GetFhirPatientRequest;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.health.v1.ListFhirAuditEventsRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The FHIR R4 read API of the health-data service ({@code /fhir}, {@code application/fhir+json}), beside the
 * platform API: each route is one gRPC call. It is deliberately its own controller and not part of any generic
 * JSON transcoding: its media type and its error form (OperationOutcome) are FHIR's. Records are addressed by
 * logical id only; identity numbers never travel in these URLs. Tokens are checked by the service (which audits
 * every read, denials too), so the routes are open at the gateway and a missing token is a 401 OperationOutcome.
 */
@Controller("/fhir")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden // FHIR clients read the CapabilityStatement at /fhir/metadata, not the OpenAPI document
public class FhirController {

    private static final String SERVICE = "health-data";
    private static final Set<String> FORMAT = Set.of("_format");
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", "application/fhir+json");
    private final HealthDataServiceGrpc.HealthDataServiceBlockingStub health;
    private final Downstream downstream;
    private final OperationOutcomes outcomes;

    FhirController(
            HealthDataServiceGrpc.HealthDataServiceBlockingStub health,
            Downstream downstream,
            OperationOutcomes outcomes) {
        this.health = health;
        this.downstream = downstream;
        this.outcomes = outcomes;
    }

    private HttpResponse<String> metadata(HttpRequest<?> request) {
        return call(
                request,
                Set.of(),
                s -> s.getFhirCapabilityStatement(GetFhirCapabilityStatementRequest.newBuilder()
                        .setBaseUrl(base(request))
                        .build()));
    }

    /** Read of one resource: Patient, or a published StructureDefinition/CodeSystem; any other type is a 400. */
    @Get("/{type}/{id}")
    public HttpResponse<String> read(HttpRequest<?> request, @PathVariable String type, @PathVariable String id) {
        return switch (type) {
            case "Patient" ->
                call(
                        request,
                        Set.of(),
                        s -> s.getFhirPatient(GetFhirPatientRequest.newBuilder()
                                .setPatientId(id)
                                .build()));
            case "StructureDefinition", "CodeSystem" ->
                call(
                        request,
                        Set.of(),
                        s -> s.getFhirDefinition(GetFhirDefinitionRequest.newBuilder()
                                .setResourceType(type)
                                .setId(id)
                                .build()));
            default -> unsupportedType(type);
        };
    }

    /** {@code Patient/{id}/$everything} ({@code $} may arrive percent-encoded). */
    @Get("/{type}/{id}/{operation}")
    public HttpResponse<String> operation(
            HttpRequest<?> request,
            @PathVariable String type,
            @PathVariable String id,
            @PathVariable String operation) {
        if (!"Patient".equals(type)) {
            return unsupportedType(type);
        }
        if (!"$everything".equals(operation)) {
            return fail(outcomes.error(
                    HttpStatus.BAD_REQUEST,
                    "not-supported",
                    "operation '" + clip(operation) + "' is not supported; Patient supports $everything",
                    null));
        }
        var params = request.getParameters();
        GetFhirPatientEverythingRequest.Builder b =
                GetFhirPatientEverythingRequest.newBuilder().setPatientId(id).setBaseUrl(base(request));
        params.getFirst("_since").ifPresent(b::setSince);
        params.getAll("_type").forEach(b::addTypes);
        params.getFirst("start").ifPresent(b::setStart);
        params.getFirst("end").ifPresent(b::setEnd);
        List<OperationOutcomes.Issue> bad = new ArrayList<>();
        b.setCount(number(params.getFirst("_count").orElse(null), "_count", bad));
        b.setOffset(number(params.getFirst("_offset").orElse(null), "_offset", bad));
        if (!bad.isEmpty()) {
            return fail(outcomes.error(HttpStatus.BAD_REQUEST, bad));
        }
        return call(
                request,
                Set.of("_since", "_type", "start", "end", "_count", "_offset"),
                s -> s.getFhirPatientEverything(b.build()));
    }

    /**
     * {@code metadata} (the CapabilityStatement), and {@code AuditEvent?patient={id}}: the audit trail about one
     * resident as IHE BALP AuditEvents. One route for both, so no literal and template route compete.
     */
    @Get("/{type}")
    public HttpResponse<String> search(HttpRequest<?> request, @PathVariable String type) {
        if (!"AuditEvent".equals(type)) {
            return type.equals("metadata") ? metadata(request) : unsupportedType(type);
        }
        var params = request.getParameters();
        List<OperationOutcomes.Issue> bad = new ArrayList<>();
        String patient = params.getFirst("patient").orElse("").replaceFirst("^Patient/", "");
        if (patient.isEmpty()) {
            bad.add(new OperationOutcomes.Issue("required", "patient is required (Patient/{id} or {id})", "patient"));
        }
        ListFhirAuditEventsRequest.Builder b =
                ListFhirAuditEventsRequest.newBuilder().setPatientId(patient).setBaseUrl(base(request));
        b.setCount(number(params.getFirst("_count").orElse(null), "_count", bad));
        b.setOffset(number(params.getFirst("_offset").orElse(null), "_offset", bad));
        if (!bad.isEmpty()) {
            return fail(outcomes.error(HttpStatus.BAD_REQUEST, bad));
        }
        return call(request, Set.of("patient", "_count", "_offset"), s -> s.listFhirAuditEvents(b.build()));
    }

    private HttpResponse<String> call(
            HttpRequest<?> request,
            Set<String> allowed,
            Function<HealthDataServiceGrpc.HealthDataServiceBlockingStub, FhirResource> call) {
        List<OperationOutcomes.Issue> bad = new ArrayList<>();
        for (String name : request.getParameters().names()) {
            if (!allowed.contains(name) && !FORMAT.contains(name)) {
                bad.add(new OperationOutcomes.Issue("not-supported", "unknown parameter '" + clip(name) + "'", name));
            }
        }
        request.getParameters()
                .getFirst("_format")
                .filter(f -> !JSON_FORMATS.contains(f))
                .ifPresent(f -> bad.add(
                        new OperationOutcomes.Issue("not-supported", "only JSON is served (_format=json)", "_format")));
        if (!bad.isEmpty()) {
            return fail(outcomes.error(HttpStatus.BAD_REQUEST, bad));
        }
        try {
            FhirResource r = downstream.call(SERVICE, request, health, call);
            return HttpResponse.ok(r.getFhirJson()).contentType(OperationOutcomes.FHIR_JSON);
        } catch (DownstreamException e) {
            return fail(outcomes.of(e.grpc()));
        }
    }

    /**
     * Error answers leave the route as an exception handled just below: a plain 4xx response would be replaced by
     * the gateway's global problem+json status handlers, an error route's answer is final.
     */
    static final class Outcome extends RuntimeException {
        private final transient HttpResponse<String> response;

        Outcome(HttpResponse<String> response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    @Error(exception = Outcome.class)
    HttpResponse<String> outcome(Outcome e) {
        return e.response;
    }

    private static HttpResponse<String> fail(HttpResponse<String> response) {
        throw new Outcome(response);
    }

    private HttpResponse<String> unsupportedType(String type) {
        return fail(outcomes.error(
                HttpStatus.BAD_REQUEST,
                "not-supported",
                "resource type '" + clip(type) + "' is not served here; see /fhir/metadata",
                null));
    }

    private static int number(String value, String name, List<OperationOutcomes.Issue> bad) {
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        bad.add(new OperationOutcomes.Issue("invalid", name + " must be a whole number ≥ 0", name));
        return 0;
    }

    /** The FHIR base as the client sees it (honouring a proxy's X-Forwarded-Proto/Host). */
    private static String base(HttpRequest<?> request) {
        String proto = request.getHeaders()
                .get("X-Forwarded-Proto", String.class)
                .orElse(request.isSecure() ? "https" : "http");
        String host = request.getHeaders()
                .get("X-Forwarded-Host", String.class)
                .or(() -> request.getHeaders().get("Host", String.class))
                .orElse(request.getServerAddress().getHostString() + ":"
                        + request.getServerAddress().getPort());
        return proto + "://" + host + "/fhir";
    }

    private static String clip(String v) {
        String s = v.length() > 40 ? v.substring(0, 40) + "…" : v;
        return s.replaceAll("[^\\p{Alnum}$_.-]", "?");
    }
}
