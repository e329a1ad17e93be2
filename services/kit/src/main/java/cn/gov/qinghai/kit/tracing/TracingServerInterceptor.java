package cn.gov.qinghai.kit.tracing;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micronaut.core.order.Ordered;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import jakarta.inject.Singleton;

/**
 * The server span of every gRPC call, parented on the caller's W3C {@code traceparent}. Outermost of the server
 * interceptors, so the span is current while {@code PlatformServerInterceptor} (next) tags it with the request id and
 * while service code runs.
 */
@Singleton
public class TracingServerInterceptor implements ServerInterceptor, Ordered {

    private final ServerInterceptor delegate;

    public TracingServerInterceptor(GrpcTelemetry telemetry) {
        this.delegate = telemetry.newServerInterceptor();
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return delegate.interceptCall(call, headers, next);
    }
}
