package cn.gov.qinghai.kit.auth;

import cn.gov.qinghai.kit.grpc.ServiceException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grpc.Status;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies department bearer tokens as an OAuth 2.0 resource server: a JWS signed with RS256 or ES256 (nothing else,
 * so {@code alg: none} and HS256 "signed" with the public key are refused before any key is looked at), by a key the
 * issuer publishes (matched by {@code kid}), with exactly the configured {@code iss}, the platform's {@code aud}, an
 * {@code exp} in the future and any {@code nbf} in the past (both with a small skew), and a subject. Roles, region
 * and organisation come from configurable claims. No secret is held: only the issuer's public keys.
 *
 * <p>Every failure is UNAUTHENTICATED with one message for all (RFC 6750 {@code invalid_token}: the caller learns
 * that the token was not accepted, not which check failed); a provider that cannot be reached while no cached key
 * fits is UNAVAILABLE with reason {@code IDENTITY_PROVIDER_UNAVAILABLE}.
 */
public final class TokenVerifier {

    /** The only signature algorithms accepted. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    public static final String INVALID_TOKEN = "the bearer token is not valid";

    /** At most this many verified tokens are remembered; past it the memory starts again (a flood cannot grow it). */
    static final int MAX_REMEMBERED = 10_000;
    /** A remembered token is checked again (signature included) at least this often. */
    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

    private final AuthSettings settings;
    private final IssuerKeys keys;
    private final Clock clock;
    /**
     * Tokens already verified, by their exact text: a department system sends the same token for its whole lifetime,
     * so the signature is checked once per token and {@link #REMEMBER_FOR}, not once per request. Only a token that
     * passed every check is remembered, only until its {@code exp} (or {@link #REMEMBER_FOR}), and the memory is
     * dropped whenever the issuer's key set changes (a withdrawn key stops its tokens at once).
     */
    private final ConcurrentHashMap<String, Remembered> verified = new ConcurrentHashMap<>();

    private record Remembered(Caller caller, Instant until, long keysVersion) {}

    private record Verified(Caller caller, Instant expiresAt) {}

    public TokenVerifier(AuthSettings settings, Clock clock) {
        this(settings, new IssuerKeys(settings, clock), clock);
    }

    TokenVerifier(AuthSettings settings, IssuerKeys keys, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    public AuthSettings settings() {
        return settings;
    }

    /**
     * The caller named by a token: UNAUTHENTICATED for any token that is malformed, forged, expired, not yet valid,
     * for another issuer or audience; UNAVAILABLE when the issuer's keys cannot be read.
     */
    public Caller verify(String token) {
        Instant now = clock.instant();
        Remembered r = verified.get(token);
        if (r != null && now.isBefore(r.until()) && r.keysVersion() == keys.version()) {
            return r.caller();
        }
        long keysVersion = keys.version();
        Verified v = verifyNow(token);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(token, new Remembered(v.caller(), earliest(v.expiresAt(), now.plus(REMEMBER_FOR)), keysVersion));
        return v.caller();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Verified verifyNow(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!ALGORITHMS.contains(header.getAlgorithm())
                    || header.getKeyID() == null
                    || header.getCriticalParams() != null
                            && !header.getCriticalParams().isEmpty()) {
                throw invalid();
            }
            JWK key;
            try {
                key = keys.key(header.getKeyID()).orElseThrow(TokenVerifier::invalid);
            } catch (IdentityProviderUnavailable e) {
                throw ServiceException.of(
                        Status.Code.UNAVAILABLE,
                        "IDENTITY_PROVIDER_UNAVAILABLE",
                        "the identity provider cannot be reached to check the token; try again shortly");
            }
            if (!jwt.verify(verifierFor(header.getAlgorithm(), key))) {
                throw invalid();
            }
            return caller(jwt.getJWTClaimsSet(), token);
        } catch (ParseException | JOSEException | ClassCastException e) {
            throw invalid();
        }
    }

    private static JWSVerifier verifierFor(JWSAlgorithm alg, JWK key) throws JOSEException {
        if (JWSAlgorithm.RS256.equals(alg) && key instanceof RSAKey rsa && rsa.size() >= 2048) {
            return new RSASSAVerifier(rsa);
        }
        if (JWSAlgorithm.ES256.equals(alg) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return new ECDSAVerifier(ec);
        }
        throw invalid(); // the key's type does not fit the algorithm the token claims
    }

    private Verified caller(JWTClaimsSet claims, String token) throws ParseException {
        Instant now = clock.instant();
        if (!settings.issuerText().equals(claims.getIssuer())) {
            throw invalid();
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(settings.audience())) {
            throw invalid();
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || expiry.toInstant().plus(settings.clockSkew()).isBefore(now)) {
            throw invalid();
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null
                && notBefore.toInstant().minus(settings.clockSkew()).isAfter(now)) {
            throw invalid();
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw invalid();
        }
        Set<String> roles = roles(claim(claims, settings.rolesClaim()));
        return new Verified(
                new Caller(
                        subject,
                        roles,
                        text(claim(claims, settings.regionClaim())),
                        text(claim(claims, settings.organisationClaim())),
                        token),
                expiry.toInstant().plus(settings.clockSkew()));
    }

    /** A claim by name; a dotted name walks into nested objects ({@code realm_access.roles}). */
    private static Object claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value != null || !name.contains(".")) {
            return value;
        }
        Object node = claims.getClaims();
        for (String part : name.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    private static Set<String> roles(Object value) {
        Set<String> roles = new HashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(r -> {
                if (r instanceof String s && !s.isBlank()) {
                    roles.add(s.trim());
                }
            });
        } else if (value instanceof String s) {
            Arrays.stream(s.split("[\\s,]+")).filter(r -> !r.isBlank()).forEach(roles::add);
        }
        return roles;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    private static ServiceException invalid() {
        return ServiceException.unauthenticated(INVALID_TOKEN);
    }
}
