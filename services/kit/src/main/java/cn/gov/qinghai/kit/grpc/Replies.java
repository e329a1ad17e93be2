package cn.gov.qinghai.kit.grpc;

import io.grpc.stub.StreamObserver;

/**
 * The one way a unary endpoint method answers: one message, then completion. Errors are not handled here: a
 * {@link ServiceException} (or any other exception) thrown while computing the value reaches
 * {@link PlatformServerInterceptor}, which turns it into a {@code google.rpc.Status}.
 */
public final class Replies {

    private Replies() {}

    /** Sends {@code value} and completes the call; use as {@code reply(out, service.method(request))}. */
    public static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
