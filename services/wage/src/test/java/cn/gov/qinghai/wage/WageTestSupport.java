package cn.gov.qinghai.wage;

import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.util.Map;

/** One running wage service (real gRPC, real PostgreSQL) shared by the test classes that register it. */
final class WageTestSupport {

    // no standards cache, so a test sees the standard it has just published
    static final RunningServiceExtension SERVICE =
            RunningServiceExtension.of("wage", Map.of("wage.standards-cache-ttl", "0s"));

    private WageTestSupport() {}
}
