package cn.gov.qinghai.kit.testing;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** Client-streaming calls in tests: the single response (or the error) of a call as a future. */
public final class ClientStreams {

    private ClientStreams() {}

    /** A response observer that completes {@code result} with the call's one response, or with its error. */
    public static <T> StreamObserver<T> into(CompletableFuture<T> result) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                // the response arrived in onNext
            }
        };
    }
}
