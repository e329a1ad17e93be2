package cn.gov.qinghai.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.grpc.PlatformServerInterceptor;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.HostileTokens;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.TestIssuer;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item 8 of issue 16, straight to a service over gRPC: every hostile token is UNAUTHENTICATED with one message
 * (RFC 6750 says no more), a provider-issued token passes, and the provider being down is UNAVAILABLE only when
 * no cached key can verify.
 */
class HostileTokenTest {

    private static Server server;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        WageServiceGrpc.WageServiceImplBase service = new WageServiceGrpc.WageServiceImplBase() {
            @Override
            public void getMinimumWage(GetMinimumWageRequest request, StreamObserver<MinimumWage> out) {
                Caller caller = Caller.current().requireAnyRole("wage:admin");
                out.onNext(MinimumWage.newBuilder()
                        .setRegion(caller.scope().region())
                        .build());
                out.onCompleted();
            }
        };
        TokenVerifier verifier =
                new TokenVerifier(AuthSettings.of(TestIssuer.issuer(), TestIssuer.AUDIENCE), Clock.systemUTC());
        server = NettyServerBuilder.forAddress(new InetSocketAddress("localhost", 0))
                .addService(ServerInterceptors.intercept(service, new PlatformServerInterceptor(verifier, "wage")))
                .build()
                .start();
        channel = NettyChannelBuilder.forAddress("localhost", server.getPort())
                .usePlaintext()
                .build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static MinimumWage call(String token) {
        return WageServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .withCallCredentials(RunningService.bearer(token))
                .getMinimumWage(GetMinimumWageRequest.getDefaultInstance());
    }

    @Test
    void aProviderIssuedTokenIsAccepted() throws Exception {
        assertEquals("630100", call(HostileTokens.real(c -> {})).getRegion());
        assertEquals(
                "630100",
                call(new TokenMinter(TestIssuer.issuer(), Clock.systemUTC())
                                .mint("admin-2", List.of("wage:admin"), "630100", "", Duration.ofMinutes(1)))
                        .getRegion());
    }

    @Test
    void everyHostileTokenIsUnauthenticatedWithTheSameMessage() throws Exception {
        for (Map.Entry<String, String> e : HostileTokens.all().entrySet()) {
            StatusRuntimeException x = assertThrows(StatusRuntimeException.class, () -> call(e.getValue()), e.getKey());
            assertEquals(Status.Code.UNAUTHENTICATED, x.getStatus().getCode(), e.getKey() + ": " + x);
            if (!e.getValue().isEmpty()) {
                assertEquals(TokenVerifier.INVALID_TOKEN, GrpcErrorDetails.of(x).message(), e.getKey());
            }
        }
    }

    @Test
    void providerDownIsUnavailableButCachedKeysStillVerify() throws Exception {
        RSAKey key = TestIssuer.newKey("down-test");
        var provider = TestIssuer.start(key, new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback());
        String issuer = provider.issuerUrl("down-test").toString();
        TokenVerifier verifier = new TokenVerifier(AuthSettings.of(issuer, TestIssuer.AUDIENCE), Clock.systemUTC());
        JWTClaimsSet claims = HostileTokens.goodClaims().issuer(issuer).build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        String token = jwt.serialize();
        assertEquals("admin-1", verifier.verify(token).subject()); // keys read and cached
        provider.shutdown();
        assertEquals("admin-1", verifier.verify(token).subject(), "cached keys verify while the provider is down");

        TokenVerifier cold = new TokenVerifier(AuthSettings.of(issuer, TestIssuer.AUDIENCE), Clock.systemUTC());
        var e = assertThrows(cn.gov.qinghai.kit.grpc.ServiceException.class, () -> cold.verify(token));
        assertEquals(Status.Code.UNAVAILABLE, e.code());
        assertEquals("IDENTITY_PROVIDER_UNAVAILABLE", e.reason());
        assertTrue(TokenVerifier.ALGORITHMS.stream().noneMatch(a -> a.getName().startsWith("HS")));
    }
}
