package cn.gov.qinghai.gateway.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal's language: Chinese first, English on request. {@code ?lang=en|zh} wins (and is remembered in the
 * {@code lang} cookie by {@link LanguageCookieFilter}), then the cookie, then Chinese. Accept-Language is ignored on
 * purpose: the public site speaks Chinese unless the reader asks otherwise, so links shared between people open the
 * same way.
 */
public final class PortalLanguage {

    public static final String PARAM = "lang";
    public static final String COOKIE = "lang";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private PortalLanguage() {}

    public static Locale of(HttpRequest<?> request) {
        return fromQuery(request)
                .or(() -> Optional.ofNullable(request.getCookies().get(COOKIE))
                        .map(Cookie::getValue)
                        .flatMap(PortalLanguage::parse))
                .orElse(CHINESE);
    }

    /** The language asked for in the query string, if it is one the portal speaks. */
    public static Optional<Locale> fromQuery(HttpRequest<?> request) {
        return request.getParameters().getFirst(PARAM).flatMap(PortalLanguage::parse);
    }

    static Optional<Locale> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("en") || v.startsWith("en-")) {
            return Optional.of(ENGLISH);
        }
        if (v.equals("zh") || v.startsWith("zh-")) {
            return Optional.of(CHINESE);
        }
        return Optional.empty();
    }

    /** The value of the HTML {@code lang} attribute. */
    public static String tag(Locale locale) {
        return ENGLISH.equals(locale) ? "en" : "zh-CN";
    }

    /** The short code used in {@code ?lang=}. */
    public static String code(Locale locale) {
        return ENGLISH.equals(locale) ? "en" : "zh";
    }

    public static boolean isEnglish(Locale locale) {
        return ENGLISH.equals(locale);
    }
}
