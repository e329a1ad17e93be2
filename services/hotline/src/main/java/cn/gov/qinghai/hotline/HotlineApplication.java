package cn.gov.qinghai.hotline;

import io.micronaut.runtime.Micronaut;

/** The 12345 hotline service: gRPC API on {@code grpc.server.port}, operators' /health and /prometheus over HTTP. */
public final class HotlineApplication {
    private HotlineApplication() {}

    public static void main(String[] args) {
        Micronaut.run(HotlineApplication.class, args);
    }
}
