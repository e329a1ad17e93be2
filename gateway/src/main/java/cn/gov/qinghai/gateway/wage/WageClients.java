package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.gateway.rest.TranscodedService;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

/** Stubs for the wage service; the channel address is {@code grpc.channels.wage.address}. */
@Factory
class WageClients {

    @Singleton
    WageServiceGrpc.WageServiceBlockingStub wage(@GrpcChannel("wage") ManagedChannel channel) {
        return WageServiceGrpc.newBlockingStub(channel);
    }

    /** The async stub, for the streaming compliance check (the portal's CSV upload). */
    @Singleton
    WageServiceGrpc.WageServiceStub wageAsync(@GrpcChannel("wage") ManagedChannel channel) {
        return WageServiceGrpc.newStub(channel);
    }

    /** Registers the service with the REST transcoder: its routes are the google.api.http bindings of its RPCs. */
    @Singleton
    TranscodedService wageRest(@GrpcChannel("wage") ManagedChannel channel) {
        return new TranscodedService("wage", WageServiceGrpc.getServiceDescriptor(), channel);
    }
}
