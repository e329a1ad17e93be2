package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.identity.LocalIdentityProvider;
import cn.gov.qinghai.launcher.Platform;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 end to end: a department system gets a token from the platform's OpenID Connect provider with the
 * client-credentials grant (a client of oidc-clients.yaml) and the gateway and the service accept it with the
 * client's roles and region; a token that is not valid is a 401 problem+json at the gateway and UNAUTHENTICATED
 * straight to a service over gRPC.
 */
class IdentityE2eTest {

    private static String clientToken(Platform p, String clientId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(p.identityProvider().tokenEndpoint()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=local"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    @Test
    void aDepartmentClientGetsATokenFromTheProviderAndItsClaimsApply() throws Exception {
        PlatformUnderTest platform = PlatformUnderTest.get();
        assumeTrue(platform.local().isPresent(), "needs the launcher's provider");
        Platform p = platform.local().get();
        String cdc = clientToken(p, "cdc-province"); // health:public-health for 630000
        Response ok = platform.get("/api/v1/health-data/early-warnings?weekOf=" + LocalDate.now(), cdc);
        assertEquals(200, ok.status(), ok.body());
        // the same route with a client whose roles do not include it: 403 from the service
        Response wrongRole = platform.get(
                "/api/v1/health-data/early-warnings?weekOf=" + LocalDate.now(), clientToken(p, "hrss-province"));
        assertEquals(403, wrongRole.status(), wrongRole.body());
        assertTrue(LocalIdentityProvider.loadClients().size() >= 10, "one client per sample department");
    }

    @Test
    void aBadTokenIs401AtTheGatewayAndUnauthenticatedAtTheService() throws Exception {
        PlatformUnderTest platform = PlatformUnderTest.get();
        assumeTrue(platform.local().isPresent(), "needs the services' gRPC ports");
        String forged = platform.token("x", "630000", "health:public-health");
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA"; // signature replaced
        Response r = platform.get("/api/v1/health-data/early-warnings?weekOf=" + LocalDate.now(), forged);
        assertEquals(401, r.status(), r.body());
        assertTrue(r.isProblem(), r.contentType());

        ManagedChannel channel = ManagedChannelBuilder.forTarget(
                        platform.local().get().grpcAddress("wage"))
                .usePlaintext()
                .build();
        try {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + forged);
            StatusRuntimeException e = assertThrows(
                    StatusRuntimeException.class,
                    () -> WageServiceGrpc.newBlockingStub(channel)
                            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .getMinimumWage(GetMinimumWageRequest.newBuilder()
                                    .setRegion("630100")
                                    .setDate("2017-05-01")
                                    .build()));
            assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        } finally {
            channel.shutdownNow();
        }
    }
}
