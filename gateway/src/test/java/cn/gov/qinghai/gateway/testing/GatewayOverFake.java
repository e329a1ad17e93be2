package cn.gov.qinghai.gateway.testing;

import io.grpc.BindableService;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway on a random port in front of a fake of one service (a recording {@code ImplBase} on a free port), for
 * the route tests: what reaches the service, and the authorization header it arrived with.
 */
public final class GatewayOverFake implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final Server grpc;
    private final EmbeddedServer gateway;

    private GatewayOverFake(String service, BindableService fake, String issuer) throws IOException {
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
                lastAuthorization.set(headers.get(AUTHORIZATION));
                return Contexts.interceptCall(io.grpc.Context.current(), call, headers, next);
            }
        };
        grpc = ServerBuilder.forPort(0)
                .addService(ServerInterceptors.intercept(fake, capture))
                .build()
                .start();
        gateway = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "qinghai.auth.issuer",
                        issuer,
                        "grpc.channels." + service + ".address",
                        "localhost:" + grpc.getPort()),
                "test");
    }

    /** Starts the fake and the gateway; {@code service} as in {@code grpc.channels.<service>.address}. */
    public static GatewayOverFake start(String service, BindableService fake, String issuer) throws IOException {
        return new GatewayOverFake(service, fake, issuer);
    }

    public EmbeddedServer gateway() {
        return gateway;
    }

    /** The authorization header of the last call that reached the fake (null when it had none). */
    public String lastAuthorization() {
        return lastAuthorization.get();
    }

    @Override
    public void close() {
        gateway.close();
        grpc.shutdownNow();
    }
}
