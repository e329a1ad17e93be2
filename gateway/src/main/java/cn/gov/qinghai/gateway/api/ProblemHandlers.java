package cn.gov.qinghai.gateway.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error the gateway returns is problem+json; these handlers cover each way a request can fail. */
public final class ProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    private ProblemHandlers() {}

    /** A domain service answered with an error (or could not be reached). */
    @Produces
    @Singleton
    public static class FromService implements ExceptionHandler<DownstreamException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, DownstreamException e) {
            if (Problems.httpStatus(e.grpc().getStatus().getCode()).getCode() >= 500) {
                LOG.warn("{} call failed: {}", e.service(), e.grpc().getStatus());
            }
            return Problems.fromGrpc(request, e.grpc(), e.service());
        }
    }

    /** The gateway refused the request before calling a service (malformed JSON, wrong types...). */
    @Produces
    @Singleton
    public static class FromGateway implements ExceptionHandler<ProblemException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
            return Problems.of(request, e.status(), e.reason(), e.getMessage(), e.errors());
        }
    }

    /**
     * Netty could not decode the request itself, e.g. a header value with a bare line feed (a shell variable holding
     * a multi-line token): the client's error, so 400, not the 500 Micronaut gives an unhandled exception.
     */
    @Produces
    @Singleton
    public static class Undecodable
            implements ExceptionHandler<io.netty.handler.codec.DecoderException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, io.netty.handler.codec.DecoderException e) {
            return Problems.of(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "MALFORMED_REQUEST",
                    "the request could not be read as HTTP: " + e.getMessage(),
                    List.of());
        }
    }

    /** A query or path parameter could not be converted (e.g. pageSize=abc). */
    @Produces
    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
    public static class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            String field = e.getArgument().getName();
            return Problems.of(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "INVALID_ARGUMENT",
                    field + " has the wrong type",
                    List.of(new Problem.InvalidField(field, "has the wrong type")));
        }
    }

    /** A required parameter is missing. */
    @Produces
    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler.class)
    public static class Unsatisfied implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException e) {
            String field = e.getArgument().getName();
            return Problems.of(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "INVALID_ARGUMENT",
                    field + " is required",
                    List.of(new Problem.InvalidField(field, "is required")));
        }
    }

    /** No or invalid token (401), or a token without the rights for the route (403). */
    @Produces
    @Singleton
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    @Requires(classes = AuthorizationException.class)
    public static class Authorization implements ExceptionHandler<AuthorizationException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
            if (e.isForbidden()) {
                return Problems.of(
                        request,
                        HttpStatus.FORBIDDEN,
                        "PERMISSION_DENIED",
                        "your token does not allow this action",
                        List.of());
            }
            return Problems.of(
                            request,
                            HttpStatus.UNAUTHORIZED,
                            "UNAUTHENTICATED",
                            "a valid bearer token is required",
                            List.of())
                    .header("WWW-Authenticate", "Bearer");
        }
    }
}
