package cn.gov.qinghai.kit.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A service-to-service call that survives the callee's restart. After a lost connection grpc-java reconnects with
 * exponential backoff (up to two minutes), and while it waits every call fails at once with UNAVAILABLE, even though
 * the callee is back. So on a connection failure this resets the backoff and tries once more, waiting for the new
 * connection for at most {@code reconnectWait} (and never past the deadline). Only for idempotent calls: reads, or
 * writes carrying an idempotency key.
 */
public final class ReconnectOnce {

    private ReconnectOnce() {}

    /**
     * Calls {@code call} on {@code stub} with {@code deadline}; on a connection failure resets {@code channel}'s
     * reconnect backoff and calls once more. If the second try still finds no connection, the first failure is
     * thrown (the outage, not the retry's own deadline).
     */
    public static <S extends AbstractStub<S>, T> T call(
            ManagedChannel channel, S stub, Duration deadline, Duration reconnectWait, Function<S, T> call) {
        long start = System.nanoTime();
        try {
            return call.apply(stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (StatusRuntimeException e) {
            if (!isConnectionFailure(e.getStatus())) {
                throw e;
            }
            long left = deadline.toMillis() - (System.nanoTime() - start) / 1_000_000;
            if (left <= 0) {
                throw e;
            }
            channel.resetConnectBackoff();
            try {
                return call.apply(stub.withWaitForReady()
                        .withDeadlineAfter(Math.min(left, reconnectWait.toMillis()), TimeUnit.MILLISECONDS));
            } catch (StatusRuntimeException again) {
                if (again.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
                        || isConnectionFailure(again.getStatus())) {
                    throw e;
                }
                throw again;
            }
        }
    }

    /** UNAVAILABLE, or UNKNOWN caused by an I/O error (grpc-java's "channel closed" on a connection the peer just closed). */
    static boolean isConnectionFailure(Status status) {
        return status.getCode() == Status.Code.UNAVAILABLE
                || status.getCode() == Status.Code.UNKNOWN && status.getCause() instanceof java.io.IOException;
    }
}
