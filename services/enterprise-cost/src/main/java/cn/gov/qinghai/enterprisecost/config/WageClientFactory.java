package cn.gov.qinghai.enterprisecost.config;

import cn.gov.qinghai.kit.grpc.CallerForwardingClientInterceptor;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

/**
 * The stub to the wage service on channel {@code grpc.channels.wage} (address from WAGE_GRPC_ADDRESS). Every call
 * forwards the caller's token and request id; callers set a deadline per call.
 */
@Factory
public class WageClientFactory {

    @Singleton
    WageServiceGrpc.WageServiceBlockingStub wageStub(@GrpcChannel("wage") ManagedChannel channel) {
        return WageServiceGrpc.newBlockingStub(channel).withInterceptors(new CallerForwardingClientInterceptor());
    }
}
