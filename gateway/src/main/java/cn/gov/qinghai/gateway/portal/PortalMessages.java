package cn.gov.qinghai.gateway.portal;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The portal shell's messages ({@code i18n/portal*.properties}: Chinese in the base file, English in {@code _en}).
 * Each domain registers its own bundle the same way; Micronaut's composite message source asks them all.
 */
@Factory
class PortalMessages {

    @Singleton
    @Named("portal")
    MessageSource portalMessages() {
        return new ResourceBundleMessageSource("i18n.portal");
    }
}
