package cn.gov.qinghai.enterprisecost;

import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.kit.testing.RunningService;
import java.util.Map;

/**
 * One running enterprise-cost service (real gRPC, real PostgreSQL) shared by this module's test classes, wired to a
 * {@link FakeWageService} on a free port through {@code grpc.channels.wage.address}.
 */
final class EnterpriseCostTestSupport {
    private static RunningService service;
    private static FakeWageService wage;

    private EnterpriseCostTestSupport() {
    }

    static synchronized RunningService service() {
        if (service == null) {
            wage = new FakeWageService(RunningService.freePort());
            wage.start();
            service = RunningService.start("enterprise_cost", Map.of(
                    "grpc.channels.wage.address", "localhost:" + wage.port(),
                    "enterprise-cost.wage-deadline", "800ms"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    service.close();
                    wage.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return service;
    }

    static synchronized FakeWageService wage() {
        service();
        return wage;
    }

    static EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub stub() {
        return EnterpriseCostServiceGrpc.newBlockingStub(service().channel());
    }

    static TestToday today() {
        return service().context().getBean(TestToday.class);
    }
}
