package cn.gov.qinghai.enterprisecost;

import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.SharedServices;
import java.util.Map;

/**
 * One running enterprise-cost service (real gRPC, real PostgreSQL) shared by this module's test classes, wired to a
 * {@link FakeWageService} on a free port through {@code grpc.channels.wage.address}.
 */
final class EnterpriseCostTestSupport {
    private static FakeWageService wage;

    private EnterpriseCostTestSupport() {}

    static synchronized RunningService service() {
        return SharedServices.get("enterprise_cost", () -> {
            wage = new FakeWageService(RunningService.freePort());
            wage.start();
            SharedServices.closeAtExit(wage);
            return RunningService.start(
                    "enterprise_cost",
                    Map.of(
                            "grpc.channels.wage.address",
                            "localhost:" + wage.port(),
                            "enterprise-cost.wage-deadline",
                            "800ms"));
        });
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
