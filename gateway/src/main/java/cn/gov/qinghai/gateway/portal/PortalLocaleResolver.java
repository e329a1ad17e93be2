package cn.gov.qinghai.gateway.portal;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/** Makes templates ({@code #{...}} messages) speak the language {@link PortalLanguage} picks for the request. */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
class PortalLocaleResolver implements HttpLocaleResolver {

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(PortalLanguage.of(request));
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return PortalLanguage.of(request);
    }
}
