package cn.gov.qinghai.gateway.api;

import cn.gov.qinghai.kit.grpc.RequestIds;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Request id in and out: takes a plain {@code X-Request-Id} from the client or makes one, keeps it on the request
 * (forwarded to services as gRPC metadata, logged by every service) and returns it on the response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "qinghai.requestId";

    @RequestFilter
    public void assign(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, RequestIds.sanitize(request.getHeaders().get(HEADER)));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(HEADER, requestId(request));
    }

    /** The id of this request (assigned by the filter; made now if the filter did not run). */
    public static String requestId(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = RequestIds.sanitize(request.getHeaders().get(HEADER));
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
