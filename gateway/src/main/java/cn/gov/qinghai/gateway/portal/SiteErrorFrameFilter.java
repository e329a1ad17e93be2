package cn.gov.qinghai.gateway.portal;

import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.RequestIdFilter;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
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
 * A person on the site never gets a bare JSON document: any problem+json answer to a browser's request for a portal
 * page (not {@code /api/}; {@code Accept: text/html}) — 400, 405, 411, 413, 414 from the gateway's own checks or from
 * routing — is replaced by the site's error page with the same status, a plain sentence in the reader's language and
 * a link back to the page (issue 20). API clients keep problem+json. Outermost filter, so it also sees answers given
 * by other filters before any route ran ({@code UriLengthFilter}, {@code JsonBodyLimitFilter}).
 */
@Filter("/**")
public class SiteErrorFrameFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SiteErrorFrameFilter.class);

    private final PortalPages pages;
    private final ViewsRendererLocator renderers;

    public SiteErrorFrameFilter(PortalPages pages, ViewsRendererLocator renderers) {
        this.pages = pages;
        this.renderers = renderers;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), response -> {
            boolean problem = response.getContentType()
                    .map(t -> t.getName().equals(Problem.MEDIA_TYPE))
                    .orElse(false);
            if (!problem || !sitePage(request)) {
                return response;
            }
            return frame(request, response);
        });
    }

    /**
     * A browser asking for a page. Netty's stand-in for a request it could not read at all ({@code /bad-request},
     * no headers; only past the 64 KB line limit now) is most likely a browser's overlong form too.
     */
    static boolean sitePage(HttpRequest<?> request) {
        return PortalPages.wantsHtml(request) || request.getPath().equals("/bad-request");
    }

    private MutableHttpResponse<?> frame(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int code = response.code();
        String key = switch (code) {
            case 414 -> "error.uriTooLong";
            case 411, 413 -> "error.tooLarge";
            case 404 -> "error.notFound";
            case 405 -> "error.methodNotAllowed";
            default -> code >= 500 ? "error.internal" : "error.badRequest";
        };
        String message = pages.message(request, key, RequestIdFilter.requestId(request));
        Map<String, Object> model = pages.model(request, "");
        model.put("message", message);
        // The way back: the page itself without what was typed (an overlong query would fail again).
        boolean known = !request.getPath().equals("/bad-request");
        String back = known && "GET".equals(request.getMethodName()) ? request.getPath() : "/";
        model.put("back", back.equals("/") ? null : back);
        model.put(
                "switchUrl",
                back + "?lang=" + model.get("switchLang").toString().substring(0, 2));
        try {
            @SuppressWarnings({"rawtypes", "unchecked"})
            ViewsRenderer<Object, Object> renderer = renderers
                    .resolveViewsRenderer("error", MediaType.TEXT_HTML, model)
                    .orElseThrow();
            Writable page = renderer.render("error", model, request);
            StringWriter out = new StringWriter();
            page.writeTo(out);
            return response.contentType(MediaType.TEXT_HTML + ";charset=utf-8").body(out.toString());
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "the site's error page for {} failed to render (request id {})",
                    code,
                    RequestIdFilter.requestId(request),
                    e);
            return response;
        }
    }
}
