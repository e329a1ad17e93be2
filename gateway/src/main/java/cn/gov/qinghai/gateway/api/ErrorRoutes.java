package cn.gov.qinghai.gateway.api;

import cn.gov.qinghai.gateway.portal.PortalPages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;

/** Routing failures as problem+json: unknown path, wrong method, wrong media type, body too large. */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
public class ErrorRoutes {

    private final PortalPages pages;

    public ErrorRoutes(PortalPages pages) {
        this.pages = pages;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        if (PortalPages.wantsHtml(request)) {
            // a person following a stale link on the portal gets a page in their language, not a JSON document
            Map<String, Object> model = pages.model(request, "");
            model.put("message", pages.message(request, "error.notFound"));
            return pages.render(HttpStatus.NOT_FOUND, "error", model);
        }
        return Problems.of(
                request, HttpStatus.NOT_FOUND, "NOT_FOUND", "no such resource: " + request.getPath(), List.of());
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    public HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return Problems.of(
                request,
                HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                request.getMethod() + " is not allowed on " + request.getPath(),
                List.of());
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    public HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return Problems.of(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "send the body as application/json",
                List.of(new Problem.InvalidField("Content-Type", "must be application/json")));
    }

    @Error(status = HttpStatus.REQUEST_ENTITY_TOO_LARGE, global = true)
    public HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return Problems.of(
                request,
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "BODY_TOO_LARGE",
                "the request body is too large",
                List.of(new Problem.InvalidField("body", "is too large")));
    }

    /** A request line or header beyond Netty's limits (e.g. a query string of many kilobytes). */
    @Error(exception = io.netty.handler.codec.TooLongFrameException.class, global = true)
    public HttpResponse<?> tooLong(HttpRequest<?> request) {
        return Problems.of(
                request,
                HttpStatus.REQUEST_URI_TOO_LONG,
                "URI_TOO_LONG",
                "the request line or a header is too long",
                List.of(new Problem.InvalidField("url", "is too long")));
    }

    @Error(status = HttpStatus.BAD_REQUEST, global = true)
    public HttpResponse<?> badRequest(HttpRequest<?> request) {
        return Problems.of(
                request,
                HttpStatus.BAD_REQUEST,
                "INVALID_ARGUMENT",
                "the request is malformed",
                List.of(new Problem.InvalidField("body", "is malformed")));
    }
}
