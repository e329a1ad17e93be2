package cn.gov.qinghai.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A real gRPC server stopped and started again on the same port, as when a callee service is restarted. */
class ReconnectOnceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofMillis(500);

    @Test
    void aCalleeBackAfterARestartIsReachedAtOnceAndADownOneIsStillUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Server server = start(port);
        ManagedChannel channel =
                NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        HealthGrpc.HealthBlockingStub stub = HealthGrpc.newBlockingStub(channel);
        try {
            assertEquals(
                    HealthCheckResponse.ServingStatus.SERVING,
                    check(channel, stub).getStatus());
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            // Down: UNAVAILABLE after at most the reconnect wait, not the whole deadline.
            StatusRuntimeException down = assertThrows(StatusRuntimeException.class, () -> check(channel, stub));
            assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode());
            for (int i = 0; i < 3; i++) { // push the channel's reconnect backoff up, as repeated failures do
                assertThrows(
                        StatusRuntimeException.class,
                        () -> stub.withDeadlineAfter(1, TimeUnit.SECONDS)
                                .check(HealthCheckRequest.getDefaultInstance()));
            }
            server = start(port);
            // Back: the plain call may still fail while the channel backs off; this one resets it and connects.
            assertEquals(
                    HealthCheckResponse.ServingStatus.SERVING,
                    check(channel, stub).getStatus());
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }

    @Test
    void applicationErrorsAreNotRetried() {
        assertEquals(false, ReconnectOnce.isConnectionFailure(Status.NOT_FOUND));
        assertEquals(false, ReconnectOnce.isConnectionFailure(Status.UNKNOWN.withDescription("bug")));
        assertEquals(true, ReconnectOnce.isConnectionFailure(Status.UNKNOWN.withCause(new java.io.IOException("x"))));
        assertEquals(true, ReconnectOnce.isConnectionFailure(Status.UNAVAILABLE));
    }

    private static HealthCheckResponse check(ManagedChannel channel, HealthGrpc.HealthBlockingStub stub) {
        return ReconnectOnce.call(channel, stub, DEADLINE, WAIT, s -> s.check(HealthCheckRequest.getDefaultInstance()));
    }

    private static Server start(int port) throws java.io.IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress("localhost", port))
                .addService(new HealthStatusManager().getHealthService())
                .build()
                .start();
    }
}
