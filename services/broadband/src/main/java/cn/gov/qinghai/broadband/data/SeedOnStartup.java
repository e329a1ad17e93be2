package cn.gov.qinghai.broadband.data;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Runs {@link SeedLoader} when the context starts, before the gRPC server takes calls. */
@Singleton
public class SeedOnStartup {
    private final SeedLoader loader;

    public SeedOnStartup(SeedLoader loader) {
        this.loader = loader;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        loader.load();
    }
}
