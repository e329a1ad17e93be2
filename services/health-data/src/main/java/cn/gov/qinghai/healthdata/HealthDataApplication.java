package cn.gov.qinghai.healthdata;

import io.micronaut.runtime.Micronaut;

/** The health-data service: gRPC API on {@code grpc.server.port}, operators' /health and /prometheus over HTTP. */
public final class HealthDataApplication {
    private HealthDataApplication() {}

    public static void main(String[] args) {
        Micronaut.run(HealthDataApplication.class, args);
    }
}
