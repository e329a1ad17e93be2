package cn.gov.qinghai.gateway.hotline;

import com.google.gson.JsonArray;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * An Open311 error answer ({@code [{code, description}]} with its HTTP status). Thrown rather than returned: the
 * gateway's global error routes rewrite plain 4xx responses into problem+json, Open311 clients expect arrays.
 */
final class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final JsonArray errors;

    Open311Exception(HttpStatus status, JsonArray errors) {
        super(errors.toString(), null, false, false);
        this.status = status;
        this.errors = errors;
    }

    /** Writes the Open311 error array with its status. */
    @Produces
    @Singleton
    @Requires(classes = {Open311Exception.class, ExceptionHandler.class})
    static class Handler implements ExceptionHandler<Open311Exception, HttpResponse<String>> {
        @Override
        public HttpResponse<String> handle(HttpRequest request, Open311Exception e) {
            return HttpResponse.<String>status(e.status)
                    .body(e.errors.toString())
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
