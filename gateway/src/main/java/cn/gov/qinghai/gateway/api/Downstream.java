package cn.gov.qinghai.gateway.api;

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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How the gateway calls a domain service: the caller's bearer token and the request id go along as gRPC metadata
 * (each service checks the token again), every call has a deadline, and a failure becomes a
 * {@link DownstreamException} that the exception handler turns into problem+json. After UNAVAILABLE the channel's
 * reconnect backoff is reset, so a service that comes back is used again on the next request, not minutes later.
 */
@Singleton
public class Downstream {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> REQUEST_ID =
            Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private final long deadlineMillis;

    public Downstream(@Value("${qinghai.gateway.deadline:3s}") Duration deadline) {
        this.deadlineMillis = deadline.toMillis();
    }

    /** Calls {@code call} on {@code stub} as the HTTP caller, with the default deadline. */
    public <S extends AbstractStub<S>, R> R call(String service, HttpRequest<?> request, S stub, Function<S, R> call) {
        return call(service, request, stub, deadlineMillis, call);
    }

    public <S extends AbstractStub<S>, R> R call(String service, HttpRequest<?> request, S stub, long deadlineMs,
                                                 Function<S, R> call) {
        S prepared = prepare(request, stub).withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS);
        try {
            return call.apply(prepared);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE && stub.getChannel() instanceof ManagedChannel mc) {
                mc.resetConnectBackoff();
            }
            throw new DownstreamException(service, e);
        }
    }

    /** The stub with the caller's token and request id attached (for streaming calls that manage their own deadline). */
    public <S extends AbstractStub<S>> S prepare(HttpRequest<?> request, S stub) {
        Metadata headers = new Metadata();
        headers.put(REQUEST_ID, RequestIdFilter.requestId(request));
        request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .ifPresent(auth -> headers.put(AUTHORIZATION, auth));
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
