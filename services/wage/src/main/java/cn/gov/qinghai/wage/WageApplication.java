package cn.gov.qinghai.wage;

import io.micronaut.runtime.Micronaut;

/** The wage service: gRPC API on {@code grpc.server.port}, operators' /health and /prometheus over HTTP. */
public final class WageApplication {
    private WageApplication() {}

    public static void main(String[] args) {
        Micronaut.run(WageApplication.class, args);
    }
}
