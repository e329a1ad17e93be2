package cn.gov.qinghai.kit.testing;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running service per module for all its test classes: starting one costs a database and a Micronaut context,
 * so the classes share it. A module declares the extension once, in its test support class, and each test class
 * registers that same instance:
 *
 * <pre>{@code
 * // WageTestSupport
 * static final RunningServiceExtension SERVICE = RunningServiceExtension.of("wage", Map.of(...));
 * // a test class
 * @RegisterExtension
 * static final RunningServiceExtension SERVICE = WageTestSupport.SERVICE;
 * }</pre>
 *
 * <p>The service is started on the first {@code beforeAll} and kept in JUnit's root store, which closes it (and any
 * companion the start registered) once the whole test run ends, so no shutdown hook is involved. Test methods and
 * constructors can take a {@link RunningService}, {@link ManagedChannel} or {@link Channel} parameter; static helpers
 * (stub factories, parameterised sources) use {@link #service()}, valid once a registering class has started.
 */
public final class RunningServiceExtension implements BeforeAllCallback, ParameterResolver {

    /** Starts the service; {@code alsoClose} takes companions (fake upstreams) to close after it. */
    @FunctionalInterface
    public interface Start {
        RunningService start(Consumer<AutoCloseable> alsoClose);
    }

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RunningServiceExtension.class);

    private final String name;
    private final Start start;
    private volatile RunningService service;

    private RunningServiceExtension(String name, Start start) {
        this.name = Objects.requireNonNull(name);
        this.start = Objects.requireNonNull(start);
    }

    /** The application on the test classpath with a fresh database called {@code name} and {@code properties}. */
    public static RunningServiceExtension of(String name, Map<String, Object> properties) {
        return of(name, alsoClose -> RunningService.start(name, properties));
    }

    /** A service started by {@code start} (for services wired to fakes it starts first), shared under {@code name}. */
    public static RunningServiceExtension of(String name, Start start) {
        return new RunningServiceExtension(name, start);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        service = root.getOrComputeIfAbsent(name, key -> Started.by(start), Started.class)
                .service();
    }

    /** The running service; only after a test class registering this extension has started. */
    public RunningService service() {
        RunningService running = service;
        if (running == null) {
            throw new IllegalStateException("the " + name + " service has not started: register "
                    + "RunningServiceExtension in the test class (@RegisterExtension static final field)");
        }
        return running;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningService.class || type == ManagedChannel.class || type == Channel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningService.class
                ? service()
                : service().channel();
    }

    /**
     * What the root store holds: the service and its companions. JUnit closes {@link AutoCloseable} store values
     * when their context ends (the root context: the end of the run); the older {@code CloseableResource} is
     * deprecated in the JUnit version used here.
     */
    private record Started(RunningService service, List<AutoCloseable> companions) implements AutoCloseable {

        static Started by(Start start) {
            List<AutoCloseable> companions = new ArrayList<>();
            try {
                return new Started(start.start(companions::add), companions);
            } catch (RuntimeException e) {
                closeAll(companions, e);
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            Exception failure = null;
            try {
                service.close();
            } catch (Exception e) {
                failure = e;
            }
            failure = closeAll(companions, failure);
            if (failure != null) {
                throw failure;
            }
        }

        /** Closes in reverse order of start, keeping the first failure and the others suppressed. */
        private static Exception closeAll(List<AutoCloseable> resources, Exception failure) {
            Exception first = failure;
            for (int i = resources.size() - 1; i >= 0; i--) {
                try {
                    resources.get(i).close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            return first;
        }
    }
}
