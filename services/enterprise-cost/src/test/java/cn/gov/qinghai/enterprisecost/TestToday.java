package cn.gov.qinghai.enterprisecost;

import cn.gov.qinghai.enterprisecost.config.Today;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The business date, movable by tests (e.g. into 2017, where the holiday calendar is known). Token expiry still
 * uses the real clock. Unset, it is the real date.
 */
@Singleton
@Replaces(Today.class)
@Requires(env = "test")
public class TestToday extends Today {

    private volatile LocalDate fixed;

    public TestToday(Clock clock) {
        super(clock);
    }

    public void set(LocalDate date) {
        this.fixed = date;
    }

    @Override
    public LocalDate get() {
        LocalDate f = fixed;
        return f != null ? f : super.get();
    }
}
