package cn.gov.qinghai.gateway.portal;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every portal page shares: the language (with the link that switches it), the navigation and a way to look up
 * messages in Java. Controllers start from {@link #model} and answer with {@link #render}.
 */
@Singleton
public class PortalPages {

    private final DomainCatalog catalog;
    private final MessageSource messages;
    private final boolean demoData;

    public PortalPages(
            DomainCatalog catalog, MessageSource messages, @Value("${qinghai.demo-data:false}") boolean demoData) {
        this.catalog = catalog;
        this.messages = messages;
        this.demoData = demoData;
    }

    /** A fresh page model with the shared entries; {@code activeDomain} is highlighted in the navigation. */
    public Map<String, Object> model(HttpRequest<?> request, String activeDomain) {
        Locale locale = PortalLanguage.of(request);
        Locale other = PortalLanguage.isEnglish(locale) ? PortalLanguage.CHINESE : PortalLanguage.ENGLISH;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", PortalLanguage.tag(locale));
        model.put("langCode", PortalLanguage.code(locale));
        model.put("english", PortalLanguage.isEnglish(locale));
        model.put("switchUrl", sameUrlIn(request, other));
        model.put("switchLang", PortalLanguage.tag(other));
        model.put("nav", catalog.entries());
        model.put("active", activeDomain == null ? "" : activeDomain);
        model.put("bi", new Bilingual(PortalLanguage.isEnglish(locale)));
        model.put("terms", new Terms(messages, locale)); // formulas of the working in the page's language
        // the layout's banner: the numbers on this platform were generated for demonstration
        model.put("demoData", demoData);
        return model;
    }

    public HttpResponse<ModelAndView<Map<String, Object>>> render(String view, Map<String, Object> model) {
        return render(HttpStatus.OK, view, model);
    }

    public HttpResponse<ModelAndView<Map<String, Object>>> render(
            HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
                .body(new ModelAndView<>(view, model))
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }

    /** A message in the request's language; the key itself when missing (never an exception on a page). */
    public String message(HttpRequest<?> request, String key, Object... args) {
        Locale locale = PortalLanguage.of(request);
        return messages.getMessage(key, locale, args).orElse(key);
    }

    public Locale locale(HttpRequest<?> request) {
        return PortalLanguage.of(request);
    }

    /** A browser asking for a portal page (not the REST API, and HTML accepted). */
    public static boolean wantsHtml(HttpRequest<?> request) {
        return !request.getPath().startsWith("/api/")
                && request.getHeaders().accept().stream()
                        .anyMatch(m -> m.getName().equals(MediaType.TEXT_HTML));
    }

    /** The current path and query, with {@code lang} replaced (GET pages keep their inputs across the switch). */
    static String sameUrlIn(HttpRequest<?> request, Locale locale) {
        StringBuilder url =
                new StringBuilder(request.getPath()).append("?lang=").append(PortalLanguage.code(locale));
        if ("GET".equals(request.getMethodName())) {
            for (Map.Entry<String, List<String>> e :
                    request.getParameters().asMap().entrySet()) {
                if (e.getKey().equals(PortalLanguage.PARAM)) {
                    continue;
                }
                for (String v : e.getValue()) {
                    url.append('&').append(encode(e.getKey())).append('=').append(encode(v));
                }
            }
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
