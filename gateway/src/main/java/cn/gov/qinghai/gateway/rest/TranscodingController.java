package cn.gov.qinghai.gateway.rest;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.LookupCache;
import cn.gov.qinghai.gateway.api.Problems;
import com.google.common.util.concurrent.ListenableFuture;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The department REST API: one generic transcoder from HTTP/JSON to the services' gRPC, driven by the
 * {@code google.api.http} bindings in the contracts (see {@link RestRoutes}, {@link RequestMapper}). The answer is
 * the response message as JSON ({@link GrpcJson#print}); a gRPC error becomes the same problem+json as everywhere.
 * <p>Authentication follows the RPC's {@code qinghai.api.v1.access} option and fails closed: only an RPC marked
 * {@code anonymous} is served without a valid token (401 otherwise); the service then enforces roles and scope.
 * Routes are declared {@code IS_ANONYMOUS} for Micronaut Security because the decision is made here, per binding.
 * <p>Why our own Micronaut route and not Armeria's {@code HttpJsonTranscodingService}: see docs/api.md.
 * <p>Non-blocking: the route runs on the event loop (mapping, the cache look-up) and calls the service with the
 * future stub ({@link Downstream#callAsync}); the answer is written when gRPC completes, with no blocking-pool thread
 * parked per request (docs/performance.md "Gateway hot path").
 */
@Controller("/api/v1")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
public class TranscodingController {

    private final RestRoutes routes;
    private final RequestMapper mapper;
    private final Downstream downstream;
    private final GrpcJson json;
    private final LookupCache cache;

    TranscodingController(
            RestRoutes routes, RequestMapper mapper, Downstream downstream, GrpcJson json, LookupCache cache) {
        this.routes = routes;
        this.mapper = mapper;
        this.downstream = downstream;
        this.json = json;
        this.cache = cache;
    }

    @Get(uri = "/{+path}", produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> get(HttpRequest<?> request, String path) {
        return serve(request, null);
    }

    @Post(uri = "/{+path}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> post(HttpRequest<?> request, String path, @Nullable @Body String body) {
        return serve(request, body);
    }

    @Put(uri = "/{+path}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> put(HttpRequest<?> request, String path, @Nullable @Body String body) {
        return serve(request, body);
    }

    @Patch(uri = "/{+path}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> patch(HttpRequest<?> request, String path, @Nullable @Body String body) {
        return serve(request, body);
    }

    @Delete(uri = "/{+path}", produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> delete(HttpRequest<?> request, String path) {
        return serve(request, null);
    }

    private CompletableFuture<HttpResponse<?>> serve(HttpRequest<?> request, String body) {
        RestRoutes.Match match =
                routes.match(request.getMethod(), request.getUri().getRawPath());
        if (match == null) {
            return done(Problems.of(
                    request, HttpStatus.NOT_FOUND, "NOT_FOUND", "no such resource: " + request.getPath(), List.of()));
        }
        if (match.route() == null) {
            return done(Problems.of(
                            request,
                            HttpStatus.METHOD_NOT_ALLOWED,
                            "METHOD_NOT_ALLOWED",
                            request.getMethod() + " is not allowed on " + request.getPath(),
                            List.of())
                    .header(HttpHeaders.ALLOW, String.join(", ", match.allowed())));
        }
        RestRoute route = match.route();
        if (!route.access().getAnonymous() && request.getUserPrincipal().isEmpty()) {
            return done(Problems.of(
                            request,
                            HttpStatus.UNAUTHORIZED,
                            "UNAUTHENTICATED",
                            "a valid bearer token is required",
                            List.of())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        Message grpcRequest = mapper.build(
                route,
                match.variables(),
                query(request),
                body,
                request.getHeaders().get("Idempotency-Key"));
        String service = route.service().name();
        if (route.access().getCacheable()) {
            String key = route.descriptor().getFullName()
                    + ' '
                    + Base64.getEncoder().encodeToString(grpcRequest.toByteArray());
            return cache.getAsync(
                            service,
                            key,
                            () -> call(request, route, grpcRequest).thenApply(json::print))
                    .thenApply(answer -> json(HttpStatus.OK, answer));
        }
        return call(request, route, grpcRequest).thenApply(response -> {
            String answer = json.print(response); // one pass: ProtoJsonWriter straight to the body
            if (route.method() != io.micronaut.http.HttpMethod.GET) {
                cache.invalidate(service); // a write succeeded: no cached answer of this service may predate it
            }
            return json(created(route, response) ? HttpStatus.CREATED : HttpStatus.OK, answer);
        });
    }

    private static HttpResponse<?> json(HttpStatus status, String answer) {
        return HttpResponse.status(status).body(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
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

    private CompletableFuture<Message> call(HttpRequest<?> request, RestRoute route, Message grpcRequest) {
        Function<GenericStub, ListenableFuture<Message>> rpc = stub ->
                ClientCalls.futureUnaryCall(stub.getChannel().newCall(route.rpc(), stub.getCallOptions()), grpcRequest);
        GenericStub stub = new GenericStub(route.service().channel());
        int seconds = route.access().getDeadlineSeconds();
        return seconds == 0
                ? downstream.callAsync(route.service().name(), request, stub, rpc)
                : downstream.callAsync(route.service().name(), request, stub, TimeUnit.SECONDS.toMillis(seconds), rpc);
    }

    private static Map<String, List<String>> query(HttpRequest<?> request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> out.put(name, values));
        return out;
    }
}
