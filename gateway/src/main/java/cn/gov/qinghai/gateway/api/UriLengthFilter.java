package cn.gov.qinghai.gateway.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;

/**
 * The limit on the request line, enforced here rather than by Netty. Netty refuses a line over its
 * {@code max-initial-line-length} before the request exists, with a stand-in request ({@code /bad-request}, no
 * headers), so the answer could not tell a portal page (which must answer in the site's frame, issue 20) from an API
 * call (problem+json). Netty's limit is raised to 64 KB in application.yml and this filter refuses a URI longer than
 * {@code qinghai.gateway.max-uri-length} (default 4096, Netty's old limit) with 414, knowing the path:
 * {@code SiteErrorFrameFilter} then frames it for a browser on a portal page.
 */
@ServerFilter("/**")
public class UriLengthFilter implements Ordered {

    private final int maxLength;

    public UriLengthFilter(@Value("${qinghai.gateway.max-uri-length:4096}") int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseLongUri(HttpRequest<?> request) {
        if (request.getUri().toString().length() <= maxLength) {
            return null;
        }
        return Problems.of(
                request,
                HttpStatus.REQUEST_URI_TOO_LONG,
                "URI_TOO_LONG",
                "the request line is too long (at most " + maxLength + " characters)",
                List.of(new Problem.InvalidField("url", "is too long")));
    }
}
