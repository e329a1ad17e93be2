package cn.gov.qinghai.gateway.portal;

import cn.gov.qinghai.gateway.api.RequestIdFilter;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every portal page completely before any byte is sent. Micronaut Views hands the response a lazy
 * {@link Writable} that runs the template while the body is being written, after the status line is committed; a
 * template that fails there (a missing property, a bad expression) threw on the I/O thread, nothing completed the
 * response and the browser waited forever. Wrapping the views filter, this filter runs the template into memory:
 * success sends the same page, a failure is logged with the request id and answered at once with the portal's 500
 * page (in the reader's language, no stack trace, no half page). Pages are small; a full page in memory is cheap.
 */
@Filter("/**")
public class RenderedPagesFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RenderedPagesFilter.class);
    private static final String UTF8_HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final PortalPages pages;
    private final ViewsRendererLocator renderers;

    public RenderedPagesFilter(PortalPages pages, ViewsRendererLocator renderers) {
        this.pages = pages;
        this.renderers = renderers;
    }

    /** Just outside the views filter, so the response seen here carries the lazy page it produced. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), response -> {
            Object body = response.getBody().orElse(null);
            // Only pages: a Writable sent as anything but HTML is a deliberate stream and must stay one.
            boolean html = response.getContentType()
                    .map(t -> t.getName().equals(MediaType.TEXT_HTML))
                    .orElse(false);
            if (!html || !(body instanceof Writable page)) {
                return response;
            }
            try {
                return response.body(render(page));
            } catch (IOException | RuntimeException e) {
                LOG.error(
                        "portal page {} failed to render (request id {})",
                        request.getPath(),
                        RequestIdFilter.requestId(request),
                        e);
                return errorPage(request, response);
            }
        });
    }

    private static String render(Writable page) throws IOException {
        StringWriter out = new StringWriter();
        page.writeTo(out);
        String html = out.toString();
        // an English page marks what Chinese is left in it (document numbers, names given only in Chinese)
        return ChineseMarks.englishPage(html) ? ChineseMarks.mark(html) : html;
    }

    /** The 500 page, itself rendered in memory; should even that fail, one plain sentence with the request id. */
    private MutableHttpResponse<?> errorPage(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String message = pages.message(request, "error.internal", RequestIdFilter.requestId(request));
        String html;
        try {
            Map<String, Object> model = pages.model(request, "");
            model.put("message", message);
            @SuppressWarnings({"rawtypes", "unchecked"})
            ViewsRenderer<Object, Object> renderer = renderers
                    .resolveViewsRenderer("error", MediaType.TEXT_HTML, model)
                    .orElseThrow();
            html = render(renderer.render("error", model, request));
        } catch (IOException | RuntimeException e) {
            LOG.error("the portal's error page failed to render too", e);
            html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>500</title></head><body><p>"
                    + message.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>";
        }
        return response.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(UTF8_HTML)
                .body(html);
    }
}
