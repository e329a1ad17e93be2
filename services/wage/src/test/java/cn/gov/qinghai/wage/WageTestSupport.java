package cn.gov.qinghai.wage;

import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.SharedServices;
import java.util.Map;

/** One running wage service (real gRPC, real PostgreSQL) shared by the test classes of this module. */
final class WageTestSupport {

    private WageTestSupport() {}

    static RunningService service() {
        return SharedServices.get("wage", () -> RunningService.start("wage", Map.of("wage.standards-cache-ttl", "0s")));
    }
}
