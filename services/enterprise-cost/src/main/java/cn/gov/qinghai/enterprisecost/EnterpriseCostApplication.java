package cn.gov.qinghai.enterprisecost;

import io.micronaut.runtime.Micronaut;

/** The enterprise-cost service: gRPC API on {@code grpc.server.port}, operators' /health and /prometheus over HTTP. */
public final class EnterpriseCostApplication {
    private EnterpriseCostApplication() {}

    public static void main(String[] args) {
        Micronaut.run(EnterpriseCostApplication.class, args);
    }
}
