package cn.gov.qinghai.enterprisecost;

import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.util.Map;

/**
 * One running enterprise-cost service (real gRPC, real PostgreSQL) shared by the test classes that register it, wired to a
 * {@link FakeWageService} on a free port through {@code grpc.channels.wage.address}.
 */
final class EnterpriseCostTestSupport {
    private static volatile FakeWageService wage;

    static final RunningServiceExtension SERVICE = RunningServiceExtension.of("enterprise_cost", alsoClose -> {
        FakeWageService fake = new FakeWageService(RunningService.freePort());
        fake.start();
        alsoClose.accept(fake);
        wage = fake;
        return RunningService.start(
                "enterprise_cost",
                Map.of(
                        "grpc.channels.wage.address",
                        "localhost:" + fake.port(),
                        "enterprise-cost.wage-deadline",
                        "800ms"));
    });

    private EnterpriseCostTestSupport() {}

    /** The fake wage service the running service calls (started with it). */
    static FakeWageService wage() {
        SERVICE.service();
        return wage;
    }

    static EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub stub() {
        return EnterpriseCostServiceGrpc.newBlockingStub(SERVICE.service().channel());
    }

    static TestToday today() {
        return SERVICE.service().context().getBean(TestToday.class);
    }
}
