package cn.gov.qinghai.gateway.health;

import cn.gov.qinghai.gateway.rest.TranscodedService;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

/** Stubs for the health-data service; the channel address is {@code grpc.channels.health-data.address}. */
@Factory
class HealthDataClients {

    @Singleton
    HealthDataServiceGrpc.HealthDataServiceBlockingStub healthData(@GrpcChannel("health-data") ManagedChannel channel) {
        return HealthDataServiceGrpc.newBlockingStub(channel);
    }

    /** Registers the service with the REST transcoder: its routes are the google.api.http bindings of its RPCs. */
    @Singleton
    TranscodedService healthDataRest(@GrpcChannel("health-data") ManagedChannel channel) {
        return new TranscodedService("health-data", HealthDataServiceGrpc.getServiceDescriptor(), channel);
    }
}
