package cn.gov.qinghai.gateway.api;

import cn.gov.qinghai.kit.tracing.RequestTrace;
import cn.gov.qinghai.kit.tracing.Traces;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;

/**
 * The root of a request's trace: one server span per HTTP request (continuing a W3C {@code traceparent} the client
 * sent), tagged with the request id, current on whatever thread serves the request, so every gRPC call the gateway
 * makes for it is a child span and the called services continue the same trace. Ends with the response's status.
 * Runs right after {@link RequestIdFilter}, which assigns the id.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class TracingFilter implements Ordered {

    private static final String SPAN = "qinghai.span";
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final TextMapGetter<HttpRequest<?>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpRequest<?> request) {
            return request.getHeaders().names();
        }

        @Override
        public String get(HttpRequest<?> request, String key) {
            return request == null ? null : request.getHeaders().get(key);
        }
    };

    private final OpenTelemetrySdk openTelemetry;
    private final Tracer tracer;

    public TracingFilter(OpenTelemetrySdk openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("cn.gov.qinghai.gateway");
    }

    @RequestFilter
    public void start(HttpRequest<?> request, MutablePropagatedContext propagated) {
        Context parent =
                openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), request, HEADERS);
        String route = BasicHttpAttributes.getUriTemplate(request).orElse(null);
        String requestId = RequestIdFilter.requestId(request);
        Span span = tracer.spanBuilder(request.getMethodName() + " " + (route == null ? request.getPath() : route))
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute(METHOD, request.getMethodName())
                .setAttribute(PATH, request.getPath())
                .setAttribute(Traces.REQUEST_ID, requestId)
                .startSpan();
        if (route != null) {
            span.setAttribute(ROUTE, route);
        }
        request.setAttribute(SPAN, span);
        propagated.add(new RequestTrace(
                parent.with(span), requestId, span.getSpanContext().getTraceId()));
    }

    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(SPAN, Span.class).ifPresent(span -> {
            int status = response.code();
            span.setAttribute(STATUS, (long) status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            request.removeAttribute(SPAN, Span.class);
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
