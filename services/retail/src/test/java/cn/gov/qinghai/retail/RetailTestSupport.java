package cn.gov.qinghai.retail;

import cn.gov.qinghai.kit.identity.CreditCode;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import io.grpc.CallCredentials;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One running retail service (real gRPC, real PostgreSQL) shared by this module's test classes. */
final class RetailTestSupport {

    static final String SIGNING_KEY = "test-only-trace-signing-key-0123456789abcdef";
    private static final AtomicInteger SEQ = new AtomicInteger(1000);

    private RetailTestSupport() {}

    static final RunningServiceExtension SERVICE = RunningServiceExtension.of(
            "retail", Map.of("retail.trace.signing-master-key", SIGNING_KEY, "retail.cold-chain.flush-size", 500));

    static RetailServiceGrpc.RetailServiceBlockingStub anonymous() {
        return RetailServiceGrpc.newBlockingStub(SERVICE.service().channel());
    }

    static RetailServiceGrpc.RetailServiceBlockingStub officer(String region) {
        return anonymous()
                .withCallCredentials(RunningService.as("officer-" + region, region, "retail:commerce-officer"));
    }

    static RetailServiceGrpc.RetailServiceBlockingStub enterprise(String creditCode) {
        return anonymous().withCallCredentials(as(creditCode, "retail:enterprise"));
    }

    static RetailServiceGrpc.RetailServiceBlockingStub carrier(String creditCode) {
        return anonymous().withCallCredentials(as(creditCode, "retail:carrier"));
    }

    static CallCredentials as(String creditCode, String role) {
        return RunningService.asOrg("user-" + creditCode, "630000", creditCode, role);
    }

    /** A fresh valid credit code registered in {@code county} (positions 3-8). */
    static String newCreditCode(String county) {
        String first17 = "91" + county + String.format("MA%07d", SEQ.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }
}
