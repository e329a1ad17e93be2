package cn.gov.qinghai.gateway.api;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How the gateway calls a domain service: the caller's bearer token and the request id go along as gRPC metadata
 * (each service checks the token again), every call has a deadline, and a failure becomes a
 * {@link DownstreamException} that the exception handler turns into problem+json.
 * <p>After UNAVAILABLE (service down, or the channel still backing off after an outage) the channel's reconnect
 * backoff is reset and the call is tried once more, waiting at most {@code qinghai.gateway.reconnect-window} for a
 * connection: a service that is back is used at once, a service that is down is a 503 well within a second. The
 * retry is safe because reads are idempotent and every write carries an idempotency key.
 */
@Singleton
public class Downstream {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> REQUEST_ID =
            Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private final long deadlineMillis;
    private final long reconnectMillis;

    public Downstream(
            @Value("${qinghai.gateway.deadline:3s}") Duration deadline,
            @Value("${qinghai.gateway.reconnect-window:400ms}") Duration reconnectWindow) {
        this.deadlineMillis = deadline.toMillis();
        this.reconnectMillis = reconnectWindow.toMillis();
    }

    /** Calls {@code call} on {@code stub} as the HTTP caller, with the default deadline. */
    public <S extends AbstractStub<S>, R> R call(String service, HttpRequest<?> request, S stub, Function<S, R> call) {
        return call(service, request, stub, deadlineMillis, call);
    }

    public <S extends AbstractStub<S>, R> R call(
            String service, HttpRequest<?> request, S stub, long deadlineMs, Function<S, R> call) {
        S prepared = prepare(request, stub);
        try {
            return call.apply(prepared.withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS));
        } catch (StatusRuntimeException e) {
            if (!isConnectionFailure(e.getStatus())) {
                throw new DownstreamException(service, e);
            }
            if (stub.getChannel() instanceof ManagedChannel mc) {
                mc.resetConnectBackoff();
            }
            try {
                return call.apply(prepared.withWaitForReady()
                        .withDeadlineAfter(Math.min(reconnectMillis, deadlineMs), TimeUnit.MILLISECONDS));
            } catch (StatusRuntimeException again) {
                // Still no connection: report the outage, not the retry's own deadline.
                boolean noConnection = again.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
                        || isConnectionFailure(again.getStatus());
                throw new DownstreamException(service, noConnection ? unavailable(e) : again);
            }
        }
    }

    /**
     * The same as {@link #call} without a thread waiting for the answer: {@code call} starts the RPC (a future stub,
     * e.g. {@code ClientCalls.futureUnaryCall}) and the returned future completes on gRPC's own thread. The REST
     * transcoder uses it from the event loop, so an uncached request no longer hops to the blocking pool and parks a
     * thread there (docs/performance.md "Gateway hot path"). Same deadline, same single reconnect attempt, same
     * {@link DownstreamException}s (as the future's failure).
     */
    public <S extends AbstractStub<S>, R> CompletableFuture<R> callAsync(
            String service, HttpRequest<?> request, S stub, Function<S, ListenableFuture<R>> call) {
        return callAsync(service, request, stub, deadlineMillis, call);
    }

    /** {@link #callAsync} with the RPC's own deadline (the contract's {@code access.deadline_seconds}). */
    public <S extends AbstractStub<S>, R> CompletableFuture<R> callAsync(
            String service,
            HttpRequest<?> request,
            S stub,
            long deadlineMillis,
            Function<S, ListenableFuture<R>> call) {
        S prepared = prepare(request, stub);
        return toCompletable(call.apply(prepared.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)))
                .exceptionallyCompose(failure -> {
                    StatusRuntimeException e = asStatusException(failure);
                    if (e == null) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    if (!isConnectionFailure(e.getStatus())) {
                        return CompletableFuture.failedFuture(new DownstreamException(service, e));
                    }
                    if (stub.getChannel() instanceof ManagedChannel mc) {
                        mc.resetConnectBackoff();
                    }
                    return toCompletable(call.apply(prepared.withWaitForReady()
                                    .withDeadlineAfter(
                                            Math.min(reconnectMillis, deadlineMillis), TimeUnit.MILLISECONDS)))
                            .exceptionallyCompose(againFailure -> {
                                StatusRuntimeException again = asStatusException(againFailure);
                                if (again == null) {
                                    return CompletableFuture.failedFuture(againFailure);
                                }
                                boolean noConnection = again.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
                                        || isConnectionFailure(again.getStatus());
                                return CompletableFuture.failedFuture(
                                        new DownstreamException(service, noConnection ? unavailable(e) : again));
                            });
                });
    }

    private static <R> CompletableFuture<R> toCompletable(ListenableFuture<R> future) {
        CompletableFuture<R> out = new CompletableFuture<>();
        Futures.addCallback(
                future,
                new FutureCallback<R>() {
                    @Override
                    public void onSuccess(R result) {
                        out.complete(result);
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        out.completeExceptionally(t);
                    }
                },
                MoreExecutors.directExecutor());
        return out;
    }

    private static StatusRuntimeException asStatusException(Throwable failure) {
        Throwable t = failure;
        while (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) {
            t = t.getCause();
        }
        if (t instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (t instanceof io.grpc.StatusException se) {
            return se.getStatus().asRuntimeException(se.getTrailers());
        }
        return null;
    }

    /**
     * The service could not be reached: UNAVAILABLE, or UNKNOWN caused by the transport (grpc-java reports a write on
     * a connection the peer just closed as UNKNOWN "channel closed").
     */
    static boolean isConnectionFailure(Status status) {
        return status.getCode() == Status.Code.UNAVAILABLE
                || (status.getCode() == Status.Code.UNKNOWN && status.getCause() instanceof java.io.IOException);
    }

    private static StatusRuntimeException unavailable(StatusRuntimeException e) {
        return e.getStatus().getCode() == Status.Code.UNAVAILABLE
                ? e
                : Status.UNAVAILABLE
                        .withDescription("connection lost")
                        .withCause(e)
                        .asRuntimeException();
    }

    /** The stub with the caller's token and request id attached (for streaming calls that manage their own deadline). */
    public <S extends AbstractStub<S>> S prepare(HttpRequest<?> request, S stub) {
        Metadata headers = new Metadata();
        headers.put(REQUEST_ID, RequestIdFilter.requestId(request));
        request.getHeaders()
                .get(HttpHeaders.AUTHORIZATION, String.class)
                .ifPresent(auth -> headers.put(AUTHORIZATION, auth));
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
