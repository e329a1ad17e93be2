package cn.gov.qinghai.kit.auth;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The token verifier every service and the gateway get from the kit, configured under {@code qinghai.auth}:
 * {@code issuer} (required), {@code audience}, optional {@code jwks-uri}, {@code claims.roles|region|organisation},
 * {@code clock-skew}, {@code key-refresh}, {@code allow-http-issuer} (false; the chart's local provider only). A new service gets OpenID Connect verification by depending on kit.
 */
@Factory
public class AuthFactory {

    @Singleton
    AuthSettings authSettings(
            @Value("${qinghai.auth.issuer}") String issuer,
            @Value("${qinghai.auth.audience:qinghai-platform}") String audience,
            @Value("${qinghai.auth.jwks-uri:}") String jwksUri,
            @Value("${qinghai.auth.claims.roles:roles}") String roles,
            @Value("${qinghai.auth.claims.region:region}") String region,
            @Value("${qinghai.auth.claims.organisation:org}") String organisation,
            @Value("${qinghai.auth.clock-skew:30s}") Duration skew,
            @Value("${qinghai.auth.key-refresh:10m}") Duration refresh,
            @Value("${qinghai.auth.allow-http-issuer:false}") boolean allowHttpIssuer) {
        return new AuthSettings(
                URI.create(issuer.trim()),
                audience.trim(),
                jwksUri.isBlank() ? Optional.empty() : Optional.of(URI.create(jwksUri.trim())),
                roles,
                region,
                organisation,
                skew,
                refresh,
                allowHttpIssuer);
    }

    /**
     * Token lifetimes are real time: the verifier reads the system clock, not the service's policy clock (which tests
     * and "as of" runs set to a policy date, and which must not make a fresh token "not yet valid").
     */
    @Singleton
    TokenVerifier tokenVerifier(AuthSettings settings) {
        return new TokenVerifier(settings, Clock.systemUTC());
    }
}
