package cn.gov.qinghai.kit.tracing;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * A CLIENT span for every SQL statement a service runs while serving a call (the statement with its literals
 * masked, so no ID number reaches a trace; the connection pool's hand-outs are not spans). Wraps the pool itself,
 * before Micronaut Data wraps it for transactions, so repositories, the services' SQL helpers and Flyway all go
 * through it (Flyway's statements have no request and are not recorded, see {@link NoOrphanClientSpans}).
 */
@Singleton
public class TracedDataSources implements BeanCreatedEventListener<DataSource>, Ordered {

    private final BeanProvider<OpenTelemetrySdk> openTelemetry;

    public TracedDataSources(BeanProvider<OpenTelemetrySdk> openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return JdbcTelemetry.builder(openTelemetry.get())
                .setDataSourceInstrumenterEnabled(false)
                .setStatementSanitizationEnabled(true)
                .build()
                .wrap(event.getBean());
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
