package cn.gov.qinghai.retail;

import io.micronaut.runtime.Micronaut;

/** The retail service: gRPC API on {@code grpc.server.port}, operators' /health and /prometheus over HTTP. */
public final class RetailApplication {
    private RetailApplication() {}

    public static void main(String[] args) {
        Micronaut.run(RetailApplication.class, args);
    }
}
