package cn.gov.qinghai.kit.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs tokens as a local OpenID Connect provider running in this JVM would (RS256 with the provider's own key,
 * its issuer, the platform audience): for tests and local tools that need a caller with given roles, region and
 * expiry. The services verify them exactly like tokens from a production IdP — against the provider's published
 * JWKS. Department systems get their tokens from the provider (client-credentials grant), not from here.
 */
public final class TokenMinter {

    private final LocalSigningKeys.Provider provider;
    private final RSASSASigner signer;
    private final Clock clock;

    /**
     * @param issuer the issuer URL of a local provider in this JVM (e.g. {@code TestIssuer.issuer()}); any other
     *               text (tests written for the old shared secret pass one) means the one local provider of the JVM
     * @param clock  the clock for {@code iat}, {@code nbf} and {@code exp} (offset it to mint expired tokens)
     */
    public TokenMinter(String issuer, Clock clock) {
        this.provider = LocalSigningKeys.find(issuer);
        try {
            this.signer = new RSASSASigner(provider.key());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the local provider's key cannot sign RS256", e);
        }
        this.clock = clock;
    }

    /** A signed token for {@code subject} with roles, region scope and optional organisation, valid for {@code ttl}. */
    public String mint(String subject, List<String> roles, String region, String organisation, Duration ttl) {
        Date now = Date.from(clock.instant());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(provider.issuer())
                .audience(provider.audience())
                .issueTime(now)
                .notBeforeTime(now)
                .jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(clock.instant().plus(ttl)))
                .claim("roles", List.copyOf(roles))
                .claim("region", region);
        if (organisation != null && !organisation.isBlank()) {
            claims.claim("org", organisation);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(provider.key().getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }
}
