package cn.gov.qinghai.gateway.auth;

import cn.gov.qinghai.gateway.api.Problems;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.TokenVerifier;
import cn.gov.qinghai.kit.grpc.ServiceException;
import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the bearer token of every request that carries one, with the kit's OpenID Connect verifier (the same
 * checks every service makes again): a token that is not valid is a 401 problem+json with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} and one message whatever failed (RFC 6750 §3.1); the
 * provider unreachable with no cached key that fits is a 503. A valid token becomes the request's {@link Caller},
 * which {@link CallerTokenValidator} hands to Micronaut Security for the routes' rules. Requests without a token
 * pass untouched: public routes never depend on the provider.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BearerTokenFilter implements Ordered {

    static final String CALLER = "qinghai.caller";

    private final TokenVerifier verifier;

    public BearerTokenFilter(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The verified caller of this request, if it carried a valid token. */
    public static Optional<Caller> caller(HttpRequest<?> request) {
        return request.getAttribute(CALLER, Caller.class);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> verify(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        if (authorization.trim().equalsIgnoreCase("Bearer")) {
            return invalid(request, TokenVerifier.INVALID_TOKEN, "invalid_token"); // an empty token
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return invalid(request, "the Authorization header must be 'Bearer <token>'", "invalid_request");
        }
        try {
            request.setAttribute(
                    CALLER, verifier.verify(authorization.substring(7).trim()));
            return null;
        } catch (ServiceException e) {
            if (e.code() == Status.Code.UNAVAILABLE) {
                return Problems.of(request, HttpStatus.SERVICE_UNAVAILABLE, e.reason(), e.getMessage(), List.of());
            }
            return invalid(request, TokenVerifier.INVALID_TOKEN, "invalid_token");
        }
    }

    private static HttpResponse<?> invalid(HttpRequest<?> request, String detail, String error) {
        return Problems.of(request, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", detail, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error + "\"");
    }

    @Override
    public int getOrder() {
        // after the request id (problems carry it) and the body limit, before Micronaut Security reads the token
        return ServerFilterPhase.SECURITY.before();
    }
}
