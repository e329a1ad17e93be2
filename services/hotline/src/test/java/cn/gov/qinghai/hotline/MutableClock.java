package cn.gov.qinghai.hotline;

import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves, for the service started with {@code hotline.test.clock=mutable}: tickets are received on
 * a 2017 date and hours pass until they are overdue. Only in the test classpath.
 */
public final class MutableClock extends Clock {

    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

    static void set(String localDateTime) {
        NOW.set(LocalDateTime.parse(localDateTime)
                .atZone(PlatformGrpcFactory.CHINA)
                .toInstant());
    }

    @Override
    public ZoneId getZone() {
        return PlatformGrpcFactory.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return NOW.get();
    }

    /** Replaces the kit's system clock in the service under test. */
    @Factory
    @Requires(property = "hotline.test.clock", value = "mutable")
    static class ClockFactory {
        @Singleton
        @Replaces(bean = Clock.class, factory = PlatformGrpcFactory.class)
        Clock clock() {
            return new MutableClock();
        }
    }
}
