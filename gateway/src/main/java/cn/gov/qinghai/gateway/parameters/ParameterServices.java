package cn.gov.qinghai.gateway.parameters;

import cn.gov.qinghai.common.v1.ParametersServiceGrpc;
import io.grpc.ManagedChannel;
import io.micronaut.grpc.channels.GrpcNamedManagedChannelConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Every domain service the gateway is configured to reach ({@code grpc.channels.<name>}), each asked for its
 * parameters through the common {@code ParametersService}. A service added to the configuration is included with no
 * code: the list follows the channels.
 */
@Singleton
class ParameterServices {

    private final Map<String, ManagedChannel> channels = new TreeMap<>();
    private final Map<String, ParametersServiceGrpc.ParametersServiceBlockingStub> stubs;

    ParameterServices(Collection<GrpcNamedManagedChannelConfiguration> configured) {
        Map<String, ParametersServiceGrpc.ParametersServiceBlockingStub> byName = new TreeMap<>();
        for (GrpcNamedManagedChannelConfiguration c : configured) {
            ManagedChannel channel = c.getChannelBuilder().build();
            channels.put(c.getName(), channel);
            byName.put(c.getName(), ParametersServiceGrpc.newBlockingStub(channel));
        }
        this.stubs = Collections.unmodifiableMap(byName);
    }

    /** Service name (the channel name, e.g. {@code wage}) to stub, in name order. */
    Map<String, ParametersServiceGrpc.ParametersServiceBlockingStub> stubs() {
        return stubs;
    }

    List<String> names() {
        return List.copyOf(stubs.keySet());
    }

    @PreDestroy
    void close() throws InterruptedException {
        for (ManagedChannel c : channels.values()) {
            c.shutdown();
        }
        for (ManagedChannel c : channels.values()) {
            c.awaitTermination(2, TimeUnit.SECONDS);
        }
    }
}
