package cn.gov.qinghai.healthdata;

import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.CallCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One running health-data service (real gRPC, real PostgreSQL) shared by the test classes, and test helpers. */
final class HealthTestSupport {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private HealthTestSupport() {}

    static final RunningServiceExtension SERVICE = RunningServiceExtension.of("health_data", Map.of());

    /** A fresh service with its own database (for tests that tamper with the database); the caller closes it. */
    static RunningService start() {
        return RunningService.start("health_data", Map.of());
    }

    static HealthDataServiceGrpc.HealthDataServiceBlockingStub stub(RunningService s, CallCredentials as) {
        HealthDataServiceGrpc.HealthDataServiceBlockingStub stub = HealthDataServiceGrpc.newBlockingStub(s.channel());
        return as == null ? stub : stub.withCallCredentials(as);
    }

    /** A valid, unique GB 11643 number in {@code county}, born on {@code birth} (yyyyMMdd); odd sequence = male. */
    static String newIdentity(String county, String birth, boolean male) {
        int seq = SEQUENCE.getAndIncrement() * 2 + (male ? 1 : 0);
        String first17 = county + birth + String.format("%03d", seq % 1000);
        return first17 + ResidentId.checkCharacter(first17);
    }

    static Connection jdbc(RunningService s) throws SQLException {
        return DriverManager.getConnection(
                s.database().url(), s.database().username(), s.database().password());
    }

    static CallCredentials clinician(String org, String region) {
        return RunningService.asOrg("dr-" + org, region, org, "health:clinician");
    }

    static CallCredentials resident(String identity) {
        return RunningService.as(identity, "", "health:resident");
    }

    static CallCredentials registrar(String region) {
        return RunningService.as("registrar-" + region, region, "health:registrar");
    }

    static CallCredentials auditor() {
        return RunningService.as("auditor-1", "630000", "health:auditor");
    }

    static CallCredentials publicHealth(String region) {
        return RunningService.asOrg("cdc-" + region, region, "cdc-" + region, "health:public-health");
    }

    static CallCredentials dibaoVerifier() {
        return RunningService.asOrg("verifier-1", "630102", "civil-affairs-630102", "dibao:verifier");
    }
}
