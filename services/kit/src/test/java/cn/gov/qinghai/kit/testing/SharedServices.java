package cn.gov.qinghai.kit.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One running service per name for all the test classes of a module (starting one costs a database and a
 * Micronaut context, so the classes share it), closed once when the test JVM exits. Each module's
 * {@code *TestSupport.service()} is one line: {@code SharedServices.get("wage", () -> RunningService.start(...))}.
 * Kept static rather than a JUnit extension because tests reach the service from static stub helpers, parameterised
 * sources and other classes' helpers, where no extension context exists.
 */
public final class SharedServices {

    private static final Map<String, RunningService> RUNNING = new LinkedHashMap<>();
    private static final List<AutoCloseable> OPEN = new ArrayList<>();
    private static boolean hooked;

    private SharedServices() {}

    /** The service started under {@code name}, starting it with {@code start} the first time. */
    public static synchronized RunningService get(String name, Supplier<RunningService> start) {
        RunningService service = RUNNING.get(name);
        if (service == null) {
            service = start.get();
            RUNNING.put(name, service);
            closeAtExit(service);
        }
        return service;
    }

    /** Closes {@code resource} when the test JVM exits (for services a test starts for itself, or fakes). */
    public static synchronized void closeAtExit(AutoCloseable resource) {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServices::closeAll, "close-test-services"));
        }
        OPEN.add(resource);
    }

    private static synchronized void closeAll() {
        for (int i = OPEN.size() - 1; i >= 0; i--) {
            try {
                OPEN.get(i).close();
            } catch (Exception e) {
                // the JVM is exiting: nothing left to report to
            }
        }
    }
}
