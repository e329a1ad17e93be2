package cn.gov.qinghai.kit.tracing;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * One OpenTelemetry SDK per process (no global, no agent): W3C trace context in and out, every span sampled so the
 * trace id in the logs always means something, and spans exported only when {@code qinghai.tracing.exporter} says
 * where ({@code none} by default; {@code zipkin} or {@code otlp} with {@code qinghai.tracing.endpoint}). Environment:
 * {@code QINGHAI_TRACING_EXPORTER}, {@code QINGHAI_TRACING_ENDPOINT}; {@code bin/platform --tracing} sets both.
 */
@Factory
public class TracingFactory {

    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    @Singleton
    @Bean(preDestroy = "close")
    OpenTelemetrySdk openTelemetry(
            @Value("${micronaut.application.name:qinghai}") String serviceName,
            @Value("${qinghai.tracing.exporter:none}") String exporter,
            @Value("${qinghai.tracing.endpoint:}") String endpoint) {
        SdkTracerProviderBuilder tracer = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
                .setSampler(new NoOrphanClientSpans());
        SpanExporter export = exporter(exporter.trim().toLowerCase(Locale.ROOT), endpoint.trim());
        if (export != null) {
            // a short delay so a person (or the e2e test) sees a request's trace about a second after it ends
            tracer.addSpanProcessor(BatchSpanProcessor.builder(export)
                    .setScheduleDelay(Duration.ofMillis(500))
                    .build());
        }
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracer.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    @Singleton
    GrpcTelemetry grpcTelemetry(OpenTelemetrySdk openTelemetry) {
        return GrpcTelemetry.create(openTelemetry);
    }

    static SpanExporter exporter(String kind, String endpoint) {
        switch (kind) {
            case "", "none":
                return null;
            case "zipkin":
                return ZipkinSpanExporter.builder()
                        .setSender(URLConnectionSender.create(
                                endpoint.isEmpty() ? "http://localhost:9411/api/v2/spans" : endpoint))
                        .build();
            case "otlp":
                return OtlpHttpSpanExporter.builder()
                        .setEndpoint(endpoint.isEmpty() ? "http://localhost:4318/v1/traces" : endpoint)
                        .build();
            default:
                throw new IllegalArgumentException(
                        "qinghai.tracing.exporter must be none, zipkin or otlp, found '" + kind + "'");
        }
    }
}
