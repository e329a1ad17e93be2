package cn.gov.qinghai.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.testing.HostileTokens;
import cn.gov.qinghai.kit.testing.TestIssuer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Status;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Keys rotate without a restart: a token signed with a key the verifier has not seen makes it re-read the JWKS
 * (here served at a configured {@code jwks-uri}, an IdP without discovery), at most once per refresh interval; a
 * withdrawn key stops verifying once the key set is re-read.
 */
class KeyRotationTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static String sign(RSAKey key, String issuer) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                HostileTokens.goodClaims().issuer(issuer).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void anUnknownKidReReadsTheKeysAndAWithdrawnKeyStops() throws Exception {
        RSAKey first = TestIssuer.newKey("k1");
        RSAKey second = TestIssuer.newKey("k2");
        AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
        AtomicInteger reads = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/keys", exchange -> {
            reads.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://localhost:" + server.getAddress().getPort();
            String issuer = base + "/issuer";
            MovingClock clock = new MovingClock();
            AuthSettings settings = new AuthSettings(
                    URI.create(issuer),
                    TestIssuer.AUDIENCE,
                    Optional.of(URI.create(base + "/keys")),
                    "roles",
                    "region",
                    "org",
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(10));
            TokenVerifier verifier = new TokenVerifier(settings, new IssuerKeys(settings, clock), clock);

            assertEquals("admin-1", verifier.verify(sign(first, issuer)).subject());
            assertEquals(1, reads.get());

            // the IdP publishes a second key and starts signing with it: the first token naming it re-reads the keys
            published.set(new JWKSet(java.util.List.of(first.toPublicJWK(), second.toPublicJWK())));
            clock.advance(IssuerKeys.MIN_REFRESH_INTERVAL.plusSeconds(1));
            assertEquals("admin-1", verifier.verify(sign(second, issuer)).subject());
            assertEquals(2, reads.get());

            // made-up kids do not hammer the IdP: within the interval no second read
            RSAKey stranger = TestIssuer.newKey("k9");
            assertThrows(ServiceException.class, () -> verifier.verify(sign(stranger, issuer)));
            assertEquals(2, reads.get());

            // the first key is withdrawn: once the keys are re-read, its tokens stop (remembered ones included)
            String old = sign(first, issuer);
            assertEquals("admin-1", verifier.verify(old).subject());
            published.set(new JWKSet(second.toPublicJWK()));
            clock.advance(IssuerKeys.MIN_REFRESH_INTERVAL.plusSeconds(1));
            assertThrows(ServiceException.class, () -> verifier.verify(sign(stranger, issuer))); // re-reads
            assertEquals(3, reads.get());
            ServiceException e = assertThrows(ServiceException.class, () -> verifier.verify(old));
            assertEquals(Status.Code.UNAUTHENTICATED, e.code());
        } finally {
            server.stop(0);
        }
    }
}
