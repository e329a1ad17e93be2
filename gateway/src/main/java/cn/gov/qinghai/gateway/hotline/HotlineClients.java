package cn.gov.qinghai.gateway.hotline;

import cn.gov.qinghai.gateway.rest.TranscodedService;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

/**
 * The stub for the hotline service (portal pages, Open311, the supervision report) and its registration with the
 * REST transcoder; the channel address is {@code grpc.channels.hotline.address}.
 */
@Factory
class HotlineClients {

    @Singleton
    HotlineServiceGrpc.HotlineServiceBlockingStub hotline(@GrpcChannel("hotline") ManagedChannel channel) {
        return HotlineServiceGrpc.newBlockingStub(channel);
    }

    @Singleton
    TranscodedService hotlineRest(@GrpcChannel("hotline") ManagedChannel channel) {
        return new TranscodedService("hotline", HotlineServiceGrpc.getServiceDescriptor(), channel);
    }
}
