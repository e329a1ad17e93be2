package cn.gov.qinghai.gateway.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One client-streaming gRPC call from a REST upload: open the stream, send the request messages, wait for the single
 * response. Failures become a {@link DownstreamException} (problem+json) like any other call.
 */
public final class ClientStreamCall {

    private ClientStreamCall() {}

    /**
     * @param service  the service's name, for the problem detail
     * @param open     opens the call given the response observer (e.g. {@code o -> stub.importPovertyRoster(o)}),
     *                 on a stub that already carries the caller's metadata and a deadline
     * @param send     writes the request messages
     * @param waitMs   how long to wait for the response
     */
    public static <Q, R> R call(
            String service,
            Function<StreamObserver<R>, StreamObserver<Q>> open,
            Consumer<StreamObserver<Q>> send,
            long waitMs) {
        CompletableFuture<R> result = new CompletableFuture<>();
        StreamObserver<Q> in = open.apply(new StreamObserver<>() {
            @Override
            public void onNext(R value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                result.completeExceptionally(
                        Status.INTERNAL.withDescription("no response").asRuntimeException());
            }
        });
        send.accept(in);
        in.onCompleted();
        try {
            return result.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw new DownstreamException(service, s);
            }
            throw new DownstreamException(
                    service, Status.INTERNAL.withCause(e.getCause()).asRuntimeException());
        } catch (TimeoutException e) {
            throw new DownstreamException(service, Status.DEADLINE_EXCEEDED.asRuntimeException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamException(service, Status.CANCELLED.asRuntimeException());
        }
    }
}
