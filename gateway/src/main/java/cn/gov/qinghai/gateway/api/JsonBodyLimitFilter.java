package cn.gov.qinghai.gateway.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;

/**
 * A small limit for JSON and form bodies. The server's own limit ({@code micronaut.server.max-request-size}, 64 MB)
 * is sized for the streamed uploads (payroll CSV, registry import, temperature readings), which never sit in
 * memory; a JSON body does — it is read whole before it is parsed — so without this filter every JSON route would
 * accept 64 MB. The largest legitimate JSON body is a 1,000-record compliance check, about 300 KB; the limit
 * ({@code qinghai.gateway.max-json-body}, default 2 MB) leaves room. A body over the limit is refused with 413
 * problem+json before it is read, judged by its declared {@code Content-Length}; a chunked JSON body, whose size is
 * known only once read, is asked for its length (411).
 */
@ServerFilter("/**")
public class JsonBodyLimitFilter implements Ordered {

    private final long maxBytes;

    public JsonBodyLimitFilter(@Value("${qinghai.gateway.max-json-body:2MB}") @ReadableBytes long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseLargeJson(HttpRequest<?> request) {
        long length = request.getContentLength();
        boolean chunked = length < 0
                && request.getHeaders()
                        .get(HttpHeaders.TRANSFER_ENCODING, String.class)
                        .map(te -> te.toLowerCase(java.util.Locale.ROOT).contains("chunked"))
                        .orElse(false);
        if (length <= maxBytes && !chunked) {
            return null;
        }
        MediaType type = request.getContentType().orElse(null);
        boolean held = type == null
                || type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+json")
                || type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (!held) {
            return null; // multipart and CSV uploads are streamed; the server's limit applies to them
        }
        if (chunked) {
            // Without a declared length the size is known only after reading it all: ask for the length instead.
            return Problems.of(
                    request,
                    HttpStatus.LENGTH_REQUIRED,
                    "LENGTH_REQUIRED",
                    "send a JSON or form body with Content-Length (at most " + maxBytes + " bytes)",
                    List.of(new Problem.InvalidField("Content-Length", "is required for a JSON or form body")));
        }
        return Problems.of(
                request,
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "BODY_TOO_LARGE",
                "a JSON or form body may be at most " + maxBytes + " bytes",
                List.of(new Problem.InvalidField("body", "is " + length + " bytes; at most " + maxBytes)));
    }

    @Override
    public int getOrder() {
        // after the request id is assigned (so the problem carries it), before security reads anything
        return ServerFilterPhase.FIRST.after();
    }
}
