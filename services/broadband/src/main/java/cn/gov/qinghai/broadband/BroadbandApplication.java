package cn.gov.qinghai.broadband;

import io.micronaut.runtime.Micronaut;

/** The broadband service: gRPC API on {@code grpc.server.port}, operators' /health and /prometheus over HTTP. */
public final class BroadbandApplication {
    private BroadbandApplication() {}

    public static void main(String[] args) {
        Micronaut.run(BroadbandApplication.class, args);
    }
}
