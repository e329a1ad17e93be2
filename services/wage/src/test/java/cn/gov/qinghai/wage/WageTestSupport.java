package cn.gov.qinghai.wage;

import cn.gov.qinghai.kit.testing.RunningService;
import java.util.Map;

/** One running wage service (real gRPC, real PostgreSQL) shared by the test classes of this module. */
final class WageTestSupport {
    private static RunningService service;

    private WageTestSupport() {
    }

    static synchronized RunningService service() {
        if (service == null) {
            service = RunningService.start("wage", Map.of("wage.standards-cache-ttl", "0s"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    service.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return service;
    }
}
