package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.gateway.rest.TranscodedService;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

/** Stubs for the dibao service; the channel address is {@code grpc.channels.dibao.address}. */
@Factory
class DibaoClients {

    @Singleton
    DibaoServiceGrpc.DibaoServiceBlockingStub dibao(@GrpcChannel("dibao") ManagedChannel channel) {
        return DibaoServiceGrpc.newBlockingStub(channel);
    }

    /** For the client-streaming registry import. */
    @Singleton
    DibaoServiceGrpc.DibaoServiceStub dibaoAsync(@GrpcChannel("dibao") ManagedChannel channel) {
        return DibaoServiceGrpc.newStub(channel);
    }

    /** Registers the service with the REST transcoder: its routes are the google.api.http bindings of its RPCs. */
    @Singleton
    TranscodedService dibaoRest(@GrpcChannel("dibao") ManagedChannel channel) {
        return new TranscodedService("dibao", DibaoServiceGrpc.getServiceDescriptor(), channel);
    }
}
