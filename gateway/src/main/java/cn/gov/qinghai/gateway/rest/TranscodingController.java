package cn.gov.qinghai.gateway.rest;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.LookupCache;
import cn.gov.qinghai.gateway.api.Problems;
import com.google.protobuf.Message;
import io.grpc.stub.ClientCalls;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The department REST API: one generic transcoder from HTTP/JSON to the services' gRPC, driven by the
 * {@code google.api.http} bindings in the contracts (see {@link RestRoutes}, {@link RequestMapper}). The answer is
 * the response message as JSON ({@link GrpcJson#print}); a gRPC error becomes the same problem+json as everywhere.
 * <p>Authentication follows the RPC's {@code qinghai.api.v1.access} option and fails closed: only an RPC marked
 * {@code anonymous} is served without a valid token (401 otherwise); the service then enforces roles and scope.
 * Routes are declared {@code IS_ANONYMOUS} for Micronaut Security because the decision is made here, per binding.
 * <p>Why our own Micronaut route and not Armeria's {@code HttpJsonTranscodingService}: see docs/api.md.
 */
@Controller("/api/v1")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TranscodingController {

    private final RestRoutes routes;
    private final RequestMapper mapper;
    private final Downstream downstream;
    private final GrpcJson json;
    private final LookupCache cache;

    TranscodingController(RestRoutes routes, RequestMapper mapper, Downstream downstream, GrpcJson json,
                          LookupCache cache) {
        this.routes = routes;
        this.mapper = mapper;
        this.downstream = downstream;
        this.json = json;
        this.cache = cache;
    }

    @Get(uri = "/{+path}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> get(HttpRequest<?> request, String path) {
        return serve(request, null);
    }

    @Post(uri = "/{+path}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> post(HttpRequest<?> request, String path, @Nullable @Body String body) {
        return serve(request, body);
    }

    @Put(uri = "/{+path}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> put(HttpRequest<?> request, String path, @Nullable @Body String body) {
        return serve(request, body);
    }

    @Patch(uri = "/{+path}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> patch(HttpRequest<?> request, String path, @Nullable @Body String body) {
        return serve(request, body);
    }

    @Delete(uri = "/{+path}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> delete(HttpRequest<?> request, String path) {
        return serve(request, null);
    }

    private HttpResponse<?> serve(HttpRequest<?> request, String body) {
        RestRoutes.Match match = routes.match(request.getMethod(), request.getUri().getRawPath());
        if (match == null) {
            return Problems.of(request, HttpStatus.NOT_FOUND, "NOT_FOUND", "no such resource: " + request.getPath(),
                    List.of());
        }
        if (match.route() == null) {
            return Problems.of(request, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    request.getMethod() + " is not allowed on " + request.getPath(), List.of())
                    .header(HttpHeaders.ALLOW, String.join(", ", match.allowed()));
        }
        RestRoute route = match.route();
        if (!route.access().getAnonymous() && request.getUserPrincipal().isEmpty()) {
            return Problems.of(request, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "a valid bearer token is required",
                    List.of()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Message grpcRequest = mapper.build(route, match.variables(), query(request), body,
                request.getHeaders().get("Idempotency-Key"));
        String service = route.service().name();
        String answer;
        HttpStatus status = HttpStatus.OK;
        if (route.access().getCacheable()) {
            String key = route.descriptor().getFullName() + ' '
                    + Base64.getEncoder().encodeToString(grpcRequest.toByteArray());
            answer = cache.get(service, key, () -> json.print(call(request, route, grpcRequest)));
        } else {
            Message response = call(request, route, grpcRequest);
            answer = json.print(response);
            if (route.method() != io.micronaut.http.HttpMethod.GET) {
                cache.invalidate(service);   // a write succeeded: no cached answer of this service may predate it
            }
            status = created(route, response) ? HttpStatus.CREATED : HttpStatus.OK;
        }
        return HttpResponse.status(status).body(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * 201 when the binding says the call creates a resource, narrowed by {@code created_if_present} (the answer
     * carries that message field) and {@code created_unless} (that bool field of the answer is false, e.g. a replay).
     */
    static boolean created(RestRoute route, Message response) {
        var access = route.access();
        if (!access.getCreated()) {
            return false;
        }
        var type = response.getDescriptorForType();
        if (!access.getCreatedIfPresent().isEmpty()) {
            var field = type.findFieldByName(access.getCreatedIfPresent());
            if (field == null || !response.hasField(field)) {
                return false;
            }
        }
        if (!access.getCreatedUnless().isEmpty()) {
            var field = type.findFieldByName(access.getCreatedUnless());
            if (field != null && Boolean.TRUE.equals(response.getField(field))) {
                return false;
            }
        }
        return true;
    }

    private Message call(HttpRequest<?> request, RestRoute route, Message grpcRequest) {
        return downstream.call(route.service().name(), request, new GenericStub(route.service().channel()),
                stub -> ClientCalls.blockingUnaryCall(stub.getChannel(), route.rpc(), stub.getCallOptions(),
                        grpcRequest));
    }

    private static Map<String, List<String>> query(HttpRequest<?> request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> out.put(name, values));
        return out;
    }

}
