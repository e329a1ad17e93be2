package cn.gov.qinghai.enterprisecost;

import cn.gov.qinghai.common.v1.Citation;
import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * A small real gRPC server implementing the contract of {@code qinghai.wage.v1.WageService/GetMinimumWage} for
 * this module's tests (the wage app itself cannot run in this JVM next to this one): 1500.00/month from 2017-05-01
 * (青政〔2017〕41号 一), NOT_FOUND before it, INVALID_ARGUMENT for an unknown region. It records the authorization
 * header and deadline of the last call, and can be made slow to exercise the caller's deadline.
 */
final class FakeWageService extends WageServiceGrpc.WageServiceImplBase implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> AUTH_KEY = Context.key("auth");

    private final int port;
    private Server server;
    volatile String lastAuthorization;
    volatile boolean lastHadDeadline;
    volatile long delayMillis;
    volatile int calls;

    FakeWageService(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    void start() {
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(
                    io.grpc.ServerCall<Q, R> call, Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
                String auth = headers.get(AUTHORIZATION);
                return Contexts.interceptCall(
                        Context.current().withValue(AUTH_KEY, auth == null ? "" : auth), call, headers, next);
            }
        };
        try {
            server = ServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(this, capture))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void getMinimumWage(GetMinimumWageRequest request, StreamObserver<MinimumWage> out) {
        calls++;
        lastAuthorization = AUTH_KEY.get();
        lastHadDeadline = Context.current().getDeadline() != null;
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!request.getRegion().matches("63\\d{2}00")) {
            out.onError(
                    Status.INVALID_ARGUMENT.withDescription("region unknown").asRuntimeException());
            return;
        }
        LocalDate date = LocalDate.parse(request.getDate());
        if (date.isBefore(LocalDate.of(2017, 5, 1))) {
            out.onError(Status.NOT_FOUND
                    .withDescription("no standard known in this fake before 2017-05-01")
                    .asRuntimeException());
            return;
        }
        out.onNext(MinimumWage.newBuilder()
                .setRegion(request.getRegion())
                .setDate(request.getDate())
                .setMonthly("1500.00")
                .setHourly("15.20")
                .setEffectiveFrom("2017-05-01")
                .setCitation(Citation.newBuilder().setDocument("青政〔2017〕41号").setClause("一"))
                .setExplanation(Explanation.getDefaultInstance())
                .build());
        out.onCompleted();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
