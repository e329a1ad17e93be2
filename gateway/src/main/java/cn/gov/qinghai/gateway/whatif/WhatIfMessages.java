package cn.gov.qinghai.gateway.whatif;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The "what if" panel's messages ({@code i18n/whatif*.properties}), shared by every calculator page. */
@Factory
class WhatIfMessages {
    @Singleton
    @Named("whatif-portal")
    MessageSource whatIfPortalMessages() {
        return new ResourceBundleMessageSource("i18n.whatif");
    }
}
