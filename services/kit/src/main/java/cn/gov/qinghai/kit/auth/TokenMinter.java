package cn.gov.qinghai.kit.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/**
 * Signs platform JWTs. Used only by the local development token endpoint, the launcher and tests; in a real
 * deployment tokens come from the identity provider that shares (or publishes) the key.
 */
public final class TokenMinter {

    private final MACSigner signer;
    private final Clock clock;

    public TokenMinter(String secret, Clock clock) {
        try {
            this.signer = new MACSigner(JwtSecrets.requireStrong(secret));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("qinghai.auth.jwt-secret is not usable for HS256", e);
        }
        this.clock = clock;
    }

    /** A signed token for {@code subject} with roles, region scope and optional organisation, valid for {@code ttl}. */
    public String mint(String subject, List<String> roles, String region, String organisation, Duration ttl) {
        Date now = Date.from(clock.instant());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("qinghai-platform")
                .issueTime(now)
                .expirationTime(Date.from(clock.instant().plus(ttl)))
                .claim("roles", List.copyOf(roles))
                .claim("region", region);
        if (organisation != null && !organisation.isBlank()) {
            claims.claim("org", organisation);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }
}
