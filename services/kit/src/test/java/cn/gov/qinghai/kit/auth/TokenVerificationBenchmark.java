package cn.gov.qinghai.kit.auth;

import cn.gov.qinghai.kit.testing.TestIssuer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measurements, not assertions (excluded from the default run): what verifying one bearer token costs with the
 * issuer's keys cached (RS256 against the provider's JWKS: parse, signature, iss/aud/exp/nbf, claims) beside the
 * HS256 shared-secret path it replaced (parse, HMAC, expiry, claims). The gateway's filter and every service's
 * interceptor run exactly this {@code TokenVerifier.verify}. Prints p50/p95/p99 in microseconds. Run:
 * {@code ./mvnw -B -pl services/kit -am test -Dbenchmark=true
 * -Dtest=TokenVerificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TokenVerificationBenchmark {

    private static final int WARM_UP = 20_000;
    private static final int RUNS = 100_000;

    @Test
    void verificationWithCachedKeysBesideTheOldHs256Path() throws Exception {
        TokenVerifier verifier =
                new TokenVerifier(AuthSettings.of(TestIssuer.issuer(), TestIssuer.AUDIENCE), Clock.systemUTC());
        String rs256 = new TokenMinter(TestIssuer.issuer(), Clock.systemUTC())
                .mint("clerk-1", List.of("dibao:clerk"), "630102", "", Duration.ofHours(2));
        verifier.verify(rs256); // keys read once, then cached

        byte[] secret = "benchmark-secret-that-is-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
        SignedJWT hs = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject("clerk-1")
                        .expirationTime(new Date(System.currentTimeMillis() + 7_200_000))
                        .claim("roles", List.of("dibao:clerk"))
                        .claim("region", "630102")
                        .build());
        hs.sign(new MACSigner(secret));
        String hs256 = hs.serialize();
        MACVerifier mac = new MACVerifier(secret);

        // first sight: every token different, so each one's signature and claims are checked (keys cached)
        TokenMinter minter = new TokenMinter(TestIssuer.issuer(), Clock.systemUTC());
        int distinct = 7_000;
        List<String> tokens = new java.util.ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            tokens.add(minter.mint("clerk-" + i, List.of("dibao:clerk"), "630102", "", Duration.ofHours(2)));
        }
        java.util.Iterator<String> next = tokens.iterator();
        report(
                "RS256 first sight, cached JWKS",
                () -> verifier.verify(next.next()).subject(),
                2_000,
                5_000);
        report(
                "RS256 same token again (remembered)",
                () -> verifier.verify(rs256).subject(),
                WARM_UP,
                RUNS);
        report(
                "HS256, shared secret (old JwtVerifier path)",
                () -> {
                    try {
                        SignedJWT jwt = SignedJWT.parse(hs256);
                        if (!jwt.verify(mac)) {
                            throw new IllegalStateException("bad signature");
                        }
                        JWTClaimsSet c = jwt.getJWTClaimsSet();
                        if (c.getExpirationTime().before(new Date())) {
                            throw new IllegalStateException("expired");
                        }
                        c.getStringListClaim("roles");
                        c.getStringClaim("region");
                        return c.getSubject();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                WARM_UP,
                RUNS);
    }

    private static void report(String name, Supplier<String> verify, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            verify.get();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            verify.get();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-45s p50 %7.1f µs  p95 %7.1f µs  p99 %7.1f µs  (%d runs, %d cores, java %s)%n",
                name,
                nanos[runs / 2] / 1e3,
                nanos[runs * 95 / 100] / 1e3,
                nanos[runs * 99 / 100] / 1e3,
                runs,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }
}
