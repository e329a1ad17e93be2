package cn.gov.qinghai.gateway.retail;

import cn.gov.qinghai.gateway.rest.TranscodedService;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

/** Stubs for the retail service; the channel address is {@code grpc.channels.retail.address}. */
@Factory
class RetailClients {

    @Singleton
    RetailServiceGrpc.RetailServiceBlockingStub retail(@GrpcChannel("retail") ManagedChannel channel) {
        return RetailServiceGrpc.newBlockingStub(channel);
    }

    /** Async stub for the client-streamed readings upload. */
    @Singleton
    RetailServiceGrpc.RetailServiceStub retailAsync(@GrpcChannel("retail") ManagedChannel channel) {
        return RetailServiceGrpc.newStub(channel);
    }

    /** Registers the service with the REST transcoder: its routes are the google.api.http bindings of its RPCs. */
    @Singleton
    TranscodedService retailRest(@GrpcChannel("retail") ManagedChannel channel) {
        return new TranscodedService("retail", RetailServiceGrpc.getServiceDescriptor(), channel);
    }
}
