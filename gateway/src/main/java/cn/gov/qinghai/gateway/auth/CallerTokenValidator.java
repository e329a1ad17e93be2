package cn.gov.qinghai.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Gives Micronaut Security the caller {@link BearerTokenFilter} already verified: subject, roles, and region and
 * organisation as attributes. It verifies nothing itself and accepts only a token that the filter verified for
 * this very request, so there is exactly one verification path.
 */
@Singleton
public class CallerTokenValidator implements TokenValidator<HttpRequest<?>> {

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        if (request == null) {
            return Publishers.empty();
        }
        return BearerTokenFilter.caller(request)
                .filter(c -> c.token().equals(token))
                .map(c -> Publishers.just(Authentication.build(
                        c.subject(), c.roles(), Map.of("region", c.region(), "org", c.organisation()))))
                .orElseGet(Publishers::empty);
    }
}
