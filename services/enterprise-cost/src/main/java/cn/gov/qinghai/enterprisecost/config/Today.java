package cn.gov.qinghai.enterprisecost.config;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The business date in China (Asia/Shanghai): the day applications are received, decided and judged overdue. A bean
 * of its own so tests can move the business date (e.g. into 2017) without moving the clock that checks token
 * expiry.
 */
@Singleton
public class Today {

    private final Clock clock;

    public Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate get() {
        return LocalDate.now(clock);
    }
}
