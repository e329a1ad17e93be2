package cn.gov.qinghai.kit.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

/**
 * Joins traces and logs: the request id becomes an attribute of the current span ({@code qinghai.request_id}, so a
 * trace can be found from a log line or an error page) and the trace id goes into the logging MDC ({@code traceId},
 * so every JSON log line of a traced call names its trace).
 */
public final class Traces {

    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("qinghai.request_id");
    /** Key under which logback's MDC carries the trace id into JSON logs. */
    public static final String MDC_KEY = "traceId";

    private Traces() {}

    /** The current trace id, or null outside a sampled span. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /** Tags the current span with the request id. */
    public static void tagRequestId(String requestId) {
        Span span = Span.current();
        if (span.getSpanContext().isValid()) {
            span.setAttribute(REQUEST_ID, requestId);
        }
    }

    /** Puts the current trace id into the MDC (or removes a stale one); pair with {@link #clearMdc()}. */
    public static void putMdc() {
        String traceId = currentTraceId();
        if (traceId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, traceId);
        }
    }

    public static void clearMdc() {
        MDC.remove(MDC_KEY);
    }
}
