package cn.gov.qinghai.kit.testing;

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
 * A clock the test moves, for a service started with {@code qinghai.test.clock=mutable} (see {@link #PROPERTY}):
 * months pass, tickets become overdue, rosters of past months are asked for again. Only in the test classpath.
 */
public final class MutableClock extends Clock {

    /** The start property that puts this clock in place of the kit's system clock. */
    public static final String PROPERTY = "qinghai.test.clock";

    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

    /** Moves the clock to a local date-time in China, for example {@code "2017-07-10T09:00:00"}. */
    public static void set(String localDateTime) {
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
    @Requires(property = PROPERTY, value = "mutable")
    static class ClockFactory {
        @Singleton
        @Replaces(bean = Clock.class, factory = PlatformGrpcFactory.class)
        Clock clock() {
            return new MutableClock();
        }
    }
}
