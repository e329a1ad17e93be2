package cn.gov.qinghai.gateway.broadband;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.gateway.rest.TranscodedService;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

/** Stubs for the broadband service; the channel address is {@code grpc.channels.broadband.address}. */
@Factory
class BroadbandClients {

    /** The monthly report of a large plan is a few MiB (1.6 MiB measured with 11,700 projects). */
    private static final int MAX_REPORT_BYTES = 32 * 1024 * 1024;

    @Singleton
    BroadbandServiceGrpc.BroadbandServiceBlockingStub broadband(@GrpcChannel("broadband") ManagedChannel channel) {
        return BroadbandServiceGrpc.newBlockingStub(channel).withMaxInboundMessageSize(MAX_REPORT_BYTES);
    }

    /** Registers the service with the REST transcoder: its routes are the google.api.http bindings of its RPCs. */
    @Singleton
    TranscodedService broadbandRest(@GrpcChannel("broadband") ManagedChannel channel) {
        return new TranscodedService("broadband", BroadbandServiceGrpc.getServiceDescriptor(), channel);
    }
}
