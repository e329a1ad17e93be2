package cn.gov.qinghai.kit.auth;

import cn.gov.qinghai.kit.grpc.ServiceException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies the platform's bearer JWTs: HS256 with the shared secret from configuration (a Kubernetes Secret in
 * the chart), an expiry is mandatory, and claims {@code roles} (list), {@code region} and optional {@code org}.
 */
public final class JwtVerifier {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final MACVerifier verifier;
    private final Clock clock;

    public JwtVerifier(String secret, Clock clock) {
        this.verifier = newVerifier(secret);
        this.clock = clock;
    }

    /** The caller named by a token; UNAUTHENTICATED for any token that is malformed, forged or expired. */
    public Caller verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw ServiceException.unauthenticated("the bearer token signature is not valid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            Date now = Date.from(clock.instant());
            if (expiry == null || expiry.toInstant().plus(CLOCK_SKEW).isBefore(now.toInstant())) {
                throw ServiceException.unauthenticated("the bearer token has expired or has no expiry");
            }
            Date notBefore = claims.getNotBeforeTime();
            if (notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(now.toInstant())) {
                throw ServiceException.unauthenticated("the bearer token is not valid yet");
            }
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                throw ServiceException.unauthenticated("the bearer token has no subject");
            }
            List<String> roleList = claims.getStringListClaim("roles");
            Set<String> roles = roleList == null ? Set.of() : new HashSet<>(roleList);
            String region = claims.getStringClaim("region");
            String org = claims.getStringClaim("org");
            return new Caller(subject, roles, region, org, token);
        } catch (ParseException | JOSEException e) {
            throw ServiceException.unauthenticated("the bearer token is malformed");
        }
    }

    private static MACVerifier newVerifier(String secret) {
        try {
            return new MACVerifier(JwtSecrets.requireStrong(secret));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("qinghai.auth.jwt-secret is not usable for HS256", e);
        }
    }
}
