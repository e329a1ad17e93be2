package cn.gov.qinghai.demodata;

import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** A client-streaming call of the loader (roster import, cold-chain readings): send, close, wait for the answer. */
final class ClientStream {

    private ClientStream() {}

    /**
     * Opens the stream with {@code open} (a stub method taking the answer observer), sends {@code messages}, closes
     * it and waits up to {@code seconds} for the one answer: null when the call ends without one.
     *
     * @param what names the call in the exception when it fails or times out
     */
    static <Q, A> A call(
            Function<StreamObserver<A>, StreamObserver<Q>> open, List<Q> messages, long seconds, String what)
            throws InterruptedException {
        CompletableFuture<A> done = new CompletableFuture<>();
        StreamObserver<Q> out = open.apply(new StreamObserver<>() {
            @Override
            public void onNext(A value) {
                done.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(null);
            }
        });
        messages.forEach(out::onNext);
        out.onCompleted();
        try {
            return done.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(what + ": " + e.getCause(), e);
        }
    }
}
