package cn.gov.qinghai.gateway.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;

/** Remembers a language chosen with {@code ?lang=} in a cookie, so the next pages and form posts keep it. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class LanguageCookieFilter {

    @ResponseFilter
    void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getPath().startsWith("/api/")) {
            return;
        }
        PortalLanguage.fromQuery(request)
                .ifPresent(locale -> response.cookie(Cookie.of(PortalLanguage.COOKIE, PortalLanguage.code(locale))
                        .path("/")
                        .httpOnly(true)
                        .sameSite(SameSite.Lax)
                        .maxAge(Duration.ofDays(365))));
    }
}
