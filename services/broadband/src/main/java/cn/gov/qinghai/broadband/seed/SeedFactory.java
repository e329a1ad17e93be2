package cn.gov.qinghai.broadband.seed;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The seed as a bean, read once at start-up. */
@Factory
public class SeedFactory {
    @Singleton
    SeedData seedData() {
        return SeedData.fromClasspath();
    }
}
