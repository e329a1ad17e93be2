package cn.gov.qinghai.broadband;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.CallCredentials;
import java.util.Map;

/** One running broadband service (real gRPC, real PostgreSQL) shared by the test classes that register it. */
final class BroadbandTestSupport {
    static final String ADMIN = "broadband:admin";
    static final String REPORTER = "broadband:reporter";

    private BroadbandTestSupport() {}

    static final RunningServiceExtension SERVICE = RunningServiceExtension.of("broadband", Map.of());

    static BroadbandServiceGrpc.BroadbandServiceBlockingStub anonymous() {
        return BroadbandServiceGrpc.newBlockingStub(SERVICE.service().channel());
    }

    static BroadbandServiceGrpc.BroadbandServiceBlockingStub as(CallCredentials credentials) {
        return anonymous().withCallCredentials(credentials);
    }

    static BroadbandServiceGrpc.BroadbandServiceBlockingStub admin() {
        return as(RunningService.as("admin-1", "630000", ADMIN));
    }

    static BroadbandServiceGrpc.BroadbandServiceBlockingStub reporter(String org) {
        return as(RunningService.asOrg("reporter-" + Math.abs(org.hashCode()), "630000", org, REPORTER));
    }
}
