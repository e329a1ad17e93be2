package cn.gov.qinghai.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.qinghai.kit.auth.AuthSettings;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.TokenMinter;
import cn.gov.qinghai.kit.auth.TokenVerifier;
import cn.gov.qinghai.kit.testing.ClientStreams;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.TestIssuer;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client-streaming method checks authority when the call starts (before any message): its ServiceException must
 * reach the client as that status with the platform's error details, not as UNKNOWN (which the gateway shows as 500).
 */
class PlatformServerInterceptorStreamTest {

    private static final String SECRET = TestIssuer.issuer();

    @Test
    void aStreamingMethodRefusingAtStartIsPermissionDeniedWithItsReason() throws Exception {
        RetailServiceGrpc.RetailServiceImplBase service = new RetailServiceGrpc.RetailServiceImplBase() {
            @Override
            public StreamObserver<StreamReadingsRequest> streamReadings(StreamObserver<IngestSummary> out) {
                Caller.current().requireAnyRole("retail:carrier"); // throws before returning an observer
                throw new AssertionError("not reached in this test");
            }
        };
        PlatformServerInterceptor interceptor = new PlatformServerInterceptor(
                new TokenVerifier(AuthSettings.of(SECRET, TestIssuer.AUDIENCE), Clock.systemUTC()), "retail");
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("localhost", 0))
                .addService(ServerInterceptors.intercept(service, interceptor))
                .build()
                .start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", server.getPort())
                .usePlaintext()
                .build();
        try {
            Metadata headers = new Metadata();
            headers.put(
                    PlatformServerInterceptor.AUTHORIZATION,
                    "Bearer "
                            + new TokenMinter(SECRET, Clock.systemUTC())
                                    .mint(
                                            "clinician-1",
                                            List.of("health:clinician"),
                                            "630000",
                                            "",
                                            Duration.ofMinutes(5)));
            CompletableFuture<IngestSummary> result = new CompletableFuture<>();
            StreamObserver<StreamReadingsRequest> requests = RetailServiceGrpc.newStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .streamReadings(ClientStreams.into(result));
            requests.onNext(
                    StreamReadingsRequest.newBuilder().setShipmentCode("S-1").build());
            requests.onCompleted();
            StatusRuntimeException e = (StatusRuntimeException) org.junit.jupiter.api.Assertions.assertThrows(
                            java.util.concurrent.ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS))
                    .getCause();
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), e.toString());
            assertEquals("ROLE_REQUIRED", GrpcErrorDetails.of(e).reason());
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }
}
