package cn.gov.qinghai.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.grpc.ServiceException;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final String SECRET = "test-secret-that-is-at-least-32-bytes-long";
    private final Clock clock = Clock.fixed(Instant.parse("2017-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void mintedTokenRoundTripsIntoACaller() {
        String token = new TokenMinter(SECRET, clock).mint("clerk-1", List.of("wage:admin"), "630100", "org-a",
                Duration.ofHours(1));
        Caller caller = new JwtVerifier(SECRET, clock).verify(token);
        assertEquals("clerk-1", caller.subject());
        assertTrue(caller.hasRole("wage:admin"));
        assertEquals("630100", caller.region());
        assertEquals("org-a", caller.organisation());
        assertTrue(caller.covers("630121"));
    }

    @Test
    void forgedExpiredAndMalformedTokensAreUnauthenticated() {
        String forged = new TokenMinter("another-secret-that-is-32-bytes-long!", clock)
                .mint("x", List.of(), "630000", null, Duration.ofHours(1));
        JwtVerifier verifier = new JwtVerifier(SECRET, clock);
        assertEquals(Status.Code.UNAUTHENTICATED,
                assertThrows(ServiceException.class, () -> verifier.verify(forged)).code());
        String expired = new TokenMinter(SECRET, Clock.offset(clock, Duration.ofHours(-2)))
                .mint("x", List.of(), "630000", null, Duration.ofHours(1));
        assertEquals(Status.Code.UNAUTHENTICATED,
                assertThrows(ServiceException.class, () -> verifier.verify(expired)).code());
        assertThrows(ServiceException.class, () -> verifier.verify("not.a.jwt"));
    }

    @Test
    void callerChecksRoleAndRegion() {
        Caller xining = new Caller("a", java.util.Set.of("dibao:county-approver"), "630100", "", "t");
        assertEquals(Status.Code.PERMISSION_DENIED,
                assertThrows(ServiceException.class, () -> xining.requireRegion("632701")).code());
        assertEquals(Status.Code.PERMISSION_DENIED,
                assertThrows(ServiceException.class, () -> xining.requireAnyRole("wage:admin")).code());
        assertEquals(Status.Code.UNAUTHENTICATED,
                assertThrows(ServiceException.class, () -> Caller.ANONYMOUS.requireAnyRole("wage:admin")).code());
    }

    @Test
    void shortSecretsAreRefusedAtStartUp() {
        assertThrows(IllegalStateException.class, () -> new JwtVerifier("short", clock));
    }
}
