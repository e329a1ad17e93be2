package cn.gov.qinghai.kit.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How bearer tokens are checked, from configuration ({@code qinghai.auth.*}, the chart's {@code auth.*}).
 *
 * @param issuer            the OpenID Connect issuer; tokens must carry exactly this {@code iss}, and its keys are
 *                          found through {@code <issuer>/.well-known/openid-configuration}
 * @param audience          the {@code aud} every token must name (the platform's client id / API identifier)
 * @param jwksUri           the JWKS address when the provider has no discovery document (empty: discover it)
 * @param rolesClaim        claim holding the roles: a list, or one string separated by spaces or commas; a dotted
 *                          name reads a nested claim (Keycloak: {@code realm_access.roles})
 * @param regionClaim       claim holding the GB/T 2260 region scope
 * @param organisationClaim claim holding the caller's organisation
 * @param clockSkew         tolerance on {@code exp} and {@code nbf} (small: 30 s by default)
 * @param keyRefreshAfter   cached keys are re-read after this long (an unknown {@code kid} re-reads at once)
 * @param allowHttpIssuer   accept a plain-http issuer on a host other than loopback: only for the chart's local
 *                          provider inside a kind cluster or the CI containers stage ({@code auth.localProvider});
 *                          off by default, so a production issuer must be https
 */
public record AuthSettings(
        URI issuer,
        String audience,
        Optional<URI> jwksUri,
        String rolesClaim,
        String regionClaim,
        String organisationClaim,
        Duration clockSkew,
        Duration keyRefreshAfter,
        boolean allowHttpIssuer) {

    public static final String DEFAULT_AUDIENCE = "qinghai-platform";

    public AuthSettings {
        if (issuer == null || issuer.toString().isBlank()) {
            throw new IllegalStateException("qinghai.auth.issuer (env QH_OIDC_ISSUER) is not set: the OpenID Connect "
                    + "issuer whose keys sign department tokens");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("qinghai.auth.audience (env QH_OIDC_AUDIENCE) is not set");
        }
        String scheme = issuer.getScheme();
        if (!"https".equals(scheme) && !("http".equals(scheme) && (isLoopback(issuer) || allowHttpIssuer))) {
            throw new IllegalStateException("qinghai.auth.issuer must be https (plain http only on loopback, or with "
                    + "qinghai.auth.allow-http-issuer for a local provider in a test cluster): " + issuer);
        }
    }

    /** Settings that require https (or loopback http) for the issuer: every production configuration. */
    public AuthSettings(
            URI issuer,
            String audience,
            Optional<URI> jwksUri,
            String rolesClaim,
            String regionClaim,
            String organisationClaim,
            Duration clockSkew,
            Duration keyRefreshAfter) {
        this(issuer, audience, jwksUri, rolesClaim, regionClaim, organisationClaim, clockSkew, keyRefreshAfter, false);
    }

    /** Settings with the platform's claim names and timings. */
    public static AuthSettings of(String issuer, String audience) {
        return new AuthSettings(
                URI.create(issuer),
                audience,
                Optional.empty(),
                "roles",
                "region",
                "org",
                Duration.ofSeconds(30),
                Duration.ofMinutes(10));
    }

    /** The issuer exactly as tokens carry it (no trailing slash is added or removed). */
    public String issuerText() {
        return issuer.toString();
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }
}
