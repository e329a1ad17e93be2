package cn.gov.qinghai.gateway.enterprisecost;

import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.gateway.rest.TranscodedService;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

/** Stubs for the enterprise-cost service; the channel address is {@code grpc.channels.enterprise-cost.address}. */
@Factory
class EnterpriseCostClients {

    @Singleton
    EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub enterpriseCost(
            @GrpcChannel("enterprise-cost") ManagedChannel channel) {
        return EnterpriseCostServiceGrpc.newBlockingStub(channel);
    }

    /** Registers the service with the REST transcoder: its routes are the google.api.http bindings of its RPCs. */
    @Singleton
    TranscodedService enterpriseCostRest(@GrpcChannel("enterprise-cost") ManagedChannel channel) {
        return new TranscodedService("enterprise-cost", EnterpriseCostServiceGrpc.getServiceDescriptor(), channel);
    }
}
