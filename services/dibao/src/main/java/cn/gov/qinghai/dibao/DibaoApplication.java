package cn.gov.qinghai.dibao;

import io.micronaut.runtime.Micronaut;

/** The dibao service: gRPC API on {@code grpc.server.port}, operators' /health and /prometheus over HTTP. */
public final class DibaoApplication {
    private DibaoApplication() {}

    public static void main(String[] args) {
        Micronaut.run(DibaoApplication.class, args);
    }
}
