package cn.gov.qinghai.kit.tracing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.micronaut.core.order.Ordered;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import jakarta.inject.Singleton;

/**
 * The client span of every outgoing gRPC call on a {@code @GrpcChannel} channel (Micronaut puts every
 * {@code ClientInterceptor} bean on them), sending W3C {@code traceparent} so the called service continues the trace.
 * Innermost, so interceptors on the stub (the caller's token, the request id) run around it.
 */
@Singleton
public class TracingClientInterceptor implements ClientInterceptor, Ordered {

    private final ClientInterceptor delegate;

    public TracingClientInterceptor(GrpcTelemetry telemetry) {
        this.delegate = telemetry.newClientInterceptor();
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return delegate.interceptCall(method, options, next);
    }
}
