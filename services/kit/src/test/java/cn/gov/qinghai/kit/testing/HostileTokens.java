package cn.gov.qinghai.kit.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hostile tokens of issue 16 item 8, each a token a verifier must refuse: the gateway's and the services'
 * hostile-token tests run the same list. The "good" claims are a {@code wage:admin} for region 630100 from
 * {@link TestIssuer}; every entry breaks exactly one thing.
 */
public final class HostileTokens {

    private HostileTokens() {}

    public static JWTClaimsSet.Builder goodClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(TestIssuer.issuer())
                .audience(TestIssuer.AUDIENCE)
                .subject("admin-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of("wage:admin"))
                .claim("region", "630100");
    }

    public static String rs256(RSAKey key, String kid, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = goodClaims();
        change.accept(claims);
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
        if (kid != null) {
            header.keyID(kid);
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    public static String real(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        RSAKey key = TestIssuer.signingKey();
        return rs256(key, key.getKeyID(), change);
    }

    /** The hostile tokens of the issue, by name. */
    public static Map<String, String> all() throws Exception {
        RSAKey real = TestIssuer.signingKey();
        Map<String, String> t = new LinkedHashMap<>();
        RSAKey stranger = TestIssuer.newKey();
        t.put("wrong key (same kid)", rs256(stranger, real.getKeyID(), c -> {}));
        t.put("alg none", new PlainJWT(goodClaims().build()).serialize());
        // algorithm confusion: HS256 with the provider's public key (its encoded form) as the HMAC secret
        SignedJWT confused = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(real.getKeyID()).build(),
                goodClaims().build());
        confused.sign(new MACSigner(real.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        t.put("HS256 with the public key", confused.serialize());
        t.put("expired", real(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        t.put("no expiry", real(c -> c.expirationTime(null)));
        t.put("not yet valid", real(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
        t.put("wrong issuer", real(c -> c.issuer("http://localhost:1/evil")));
        t.put("wrong audience", real(c -> c.audience("another-api")));
        t.put("no audience", real(c -> c.audience((String) null)));
        t.put("no subject", real(c -> c.subject(null)));
        t.put("missing kid", rs256(real, null, c -> {}));
        t.put("unknown kid", rs256(stranger, stranger.getKeyID(), c -> {}));
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(real.getKeyID()).generate();
        SignedJWT es = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(real.getKeyID()).build(),
                goodClaims().build());
        es.sign(new ECDSASigner(ec));
        t.put("ES256 claiming the RSA kid", es.serialize());
        String good = real(c -> {});
        t.put("truncated", good.substring(0, good.length() - 10));
        String[] parts = good.split("\\.");
        t.put(
                "payload swapped",
                parts[0] + "."
                        + Base64URL.encode(
                                goodClaims().claim("region", "630000").build().toString()) + "." + parts[2]);
        t.put("garbage", "not-a-jwt");
        t.put("empty", "");
        return t;
    }
}
