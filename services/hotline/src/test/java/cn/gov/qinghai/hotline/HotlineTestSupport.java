package cn.gov.qinghai.hotline;

import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.kit.testing.MutableClock;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.CallCredentials;
import java.util.Map;

/** One running hotline service (real gRPC, real PostgreSQL, a clock the tests move) shared by this module's tests. */
final class HotlineTestSupport {
    static final String OPERATOR = "hotline:operator";
    static final String AGENCY = "hotline:agency";
    static final String SUPERVISOR = "hotline:supervisor";

    private HotlineTestSupport() {}

    static final RunningServiceExtension SERVICE =
            RunningServiceExtension.of("hotline", Map.of(MutableClock.PROPERTY, "mutable"));

    static HotlineServiceGrpc.HotlineServiceBlockingStub anonymous() {
        return HotlineServiceGrpc.newBlockingStub(SERVICE.service().channel());
    }

    static HotlineServiceGrpc.HotlineServiceBlockingStub as(CallCredentials credentials) {
        return anonymous().withCallCredentials(credentials);
    }

    static HotlineServiceGrpc.HotlineServiceBlockingStub operator(String region) {
        return as(RunningService.as("operator-" + region, region, OPERATOR));
    }

    static HotlineServiceGrpc.HotlineServiceBlockingStub agency(String agencyId) {
        return as(RunningService.asOrg("clerk-" + agencyId, agencyId.substring(0, 6), agencyId, AGENCY));
    }

    static HotlineServiceGrpc.HotlineServiceBlockingStub supervisor(String region) {
        return as(RunningService.as("supervisor-" + region, region, SUPERVISOR));
    }
}
