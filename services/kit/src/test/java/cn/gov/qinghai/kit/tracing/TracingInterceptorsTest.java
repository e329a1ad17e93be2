package cn.gov.qinghai.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.gov.qinghai.kit.auth.AuthSettings;
import cn.gov.qinghai.kit.auth.TokenVerifier;
import cn.gov.qinghai.kit.grpc.CallerForwardingClientInterceptor;
import cn.gov.qinghai.kit.grpc.PlatformServerInterceptor;
import cn.gov.qinghai.kit.grpc.RequestIds;
import cn.gov.qinghai.kit.testing.TestIssuer;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The kit's interceptors, wired as Micronaut wires them (tracing outermost on the server, innermost on the client),
 * over a real Netty gRPC connection: the service's span continues the caller's trace through W3C {@code traceparent},
 * carries the request id, and the service code's log MDC holds the trace id.
 */
class TracingInterceptorsTest {

    private final List<SpanData> spans = new CopyOnWriteArrayList<>();

    @Test
    void theServerSpanContinuesTheCallersTraceWithTheRequestIdAndTheTraceIdInTheLogContext() throws Exception {
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .setSampler(new NoOrphanClientSpans())
                        .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        GrpcTelemetry telemetry = GrpcTelemetry.create(otel);
        AtomicReference<String> mdcTraceId = new AtomicReference<>();
        WageServiceGrpc.WageServiceImplBase service = new WageServiceGrpc.WageServiceImplBase() {
            @Override
            public void getMinimumWage(GetMinimumWageRequest request, StreamObserver<MinimumWage> out) {
                mdcTraceId.set(MDC.get(Traces.MDC_KEY));
                out.onNext(MinimumWage.getDefaultInstance());
                out.onCompleted();
            }
        };
        PlatformServerInterceptor platform = new PlatformServerInterceptor(
                new TokenVerifier(AuthSettings.of(TestIssuer.issuer(), TestIssuer.AUDIENCE), Clock.systemUTC()),
                "wage");
        // ServerInterceptors.intercept: the last one listed runs first, as Micronaut orders them by getOrder()
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("localhost", 0))
                .addService(ServerInterceptors.intercept(service, platform, new TracingServerInterceptor(telemetry)))
                .build()
                .start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", server.getPort())
                .usePlaintext()
                .intercept(new TracingClientInterceptor(telemetry))
                .build();
        Span parent = otel.getTracer("test")
                .spanBuilder("caller")
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            // made inside the scope: grpc's Context lives in OpenTelemetry's (ContextStorageOverride), so a grpc
            // Context made before would, once attached, drop the caller's span
            io.grpc.Context.current()
                    .withValue(RequestIds.CONTEXT_KEY, "req-trace-1")
                    .call(() -> WageServiceGrpc.newBlockingStub(channel)
                            .withInterceptors(new CallerForwardingClientInterceptor())
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .getMinimumWage(GetMinimumWageRequest.getDefaultInstance()));
        } finally {
            parent.end();
            channel.shutdownNow();
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        String traceId = parent.getSpanContext().getTraceId();
        SpanData client = only(SpanKind.CLIENT, "qinghai.wage.v1.WageService/GetMinimumWage");
        SpanData serverSpan = only(SpanKind.SERVER, "qinghai.wage.v1.WageService/GetMinimumWage");
        assertEquals(traceId, client.getTraceId());
        assertEquals(parent.getSpanContext().getSpanId(), client.getParentSpanId());
        assertEquals(traceId, serverSpan.getTraceId(), "the service continues the caller's trace (traceparent)");
        assertEquals(client.getSpanId(), serverSpan.getParentSpanId());
        assertEquals("req-trace-1", serverSpan.getAttributes().get(Traces.REQUEST_ID));
        assertEquals(traceId, mdcTraceId.get(), "service code logs the trace id");
    }

    private SpanData only(SpanKind kind) {
        List<SpanData> found = spans.stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, found.size(), () -> kind + " spans: " + spans);
        return found.get(0);
    }

    private SpanData only(SpanKind kind, String name) {
        List<SpanData> found = spans.stream()
                .filter(s -> s.getKind() == kind && s.getName().equals(name))
                .toList();
        assertEquals(1, found.size(), () -> kind + " " + name + " spans: " + spans);
        assertNotNull(found.get(0).getAttributes());
        return found.get(0);
    }

    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
