package cn.gov.qinghai.kit.tracing;

import cn.gov.qinghai.kit.grpc.RequestIds;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.slf4j.MDC;

/**
 * A request's span and ids carried across Micronaut's threads (event loop, blocking pool): whenever code runs for the
 * request, the span is the current OpenTelemetry context (so outgoing gRPC calls become its children) and the
 * request id and trace id are in the logging MDC. Added to the request's {@code MutablePropagatedContext} by the
 * gateway's tracing filter.
 */
public record RequestTrace(Context context, String requestId, String traceId)
        implements ThreadPropagatedContextElement<RequestTrace.Saved> {

    /** What the thread had before, put back when the request's code leaves it. */
    public record Saved(Scope scope, Map<String, String> mdc) {}

    @Override
    public Saved updateThreadContext() {
        Map<String, String> before = MDC.getCopyOfContextMap();
        MDC.put(RequestIds.MDC_KEY, requestId);
        MDC.put(Traces.MDC_KEY, traceId);
        return new Saved(context.makeCurrent(), before);
    }

    @Override
    public void restoreThreadContext(Saved saved) {
        saved.scope().close();
        if (saved.mdc() == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(saved.mdc());
        }
    }
}
