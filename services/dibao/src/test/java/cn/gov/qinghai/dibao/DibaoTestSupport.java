package cn.gov.qinghai.dibao;

import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One running dibao service (real gRPC, real PostgreSQL) shared by the test classes that register it. */
final class DibaoTestSupport {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private DibaoTestSupport() {}

    // no health-data service in these tests: a port where nothing listens, so verification records
    // "not consulted" at once (the wired call is tested end to end in e2e-tests, DibaoHealthDataE2eTest)
    static final RunningServiceExtension SERVICE = RunningServiceExtension.of(
            "dibao", Map.of("grpc.channels.health-data.address", "localhost:" + RunningService.freePort()));

    static DibaoServiceGrpc.DibaoServiceBlockingStub stub() {
        return DibaoServiceGrpc.newBlockingStub(SERVICE.service().channel());
    }

    static DibaoServiceGrpc.DibaoServiceBlockingStub as(String subject, String region, String... roles) {
        return stub().withCallCredentials(RunningService.as(subject, region, roles));
    }

    /** A valid, unique identity number for someone born on {@code birth} in {@code region}. */
    static String residentId(String region, LocalDate birth) {
        String seq = String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        String first17 = region + birth.toString().replace("-", "") + seq;
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** Minimal JSON writer for test inputs (maps, lists, strings, numbers, booleans, null). */
    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder s = new StringBuilder("{");
            m.forEach((k, v) -> s.append(s.length() > 1 ? "," : "")
                    .append(json(String.valueOf(k)))
                    .append(':')
                    .append(json(v)));
            return s.append('}').toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            l.forEach(v -> s.append(s.length() > 1 ? "," : "").append(json(v)));
            return s.append(']').toString();
        }
        if (value instanceof String str) {
            return '"' + str.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }
}
