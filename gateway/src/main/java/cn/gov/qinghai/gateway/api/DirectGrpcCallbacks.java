package cn.gov.qinghai.gateway.api;

import io.grpc.netty.NettyChannelBuilder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Runs the gRPC client's callbacks on gRPC's own Netty thread instead of Micronaut's io-executor pool, which
 * micronaut-grpc gives every channel. The JFR profile of the uncached transcoder (docs/performance.md, "Where the
 * gateway's time goes") showed 46 % of the gateway's samples on io-executor threads: each answer hopped event loop
 * → gRPC thread → io-executor → event loop. Safe here because no callback blocks: the transcoder's future completes
 * and renders, blocking stubs (the portal pages) use their own per-call executor, and the roster upload's response
 * observer only completes a future. {@code qinghai.grpc.direct-callbacks=false} restores the pool (for A/B runs).
 */
@Singleton
@Requires(property = "qinghai.grpc.direct-callbacks", notEquals = "false")
final class DirectGrpcCallbacks implements BeanCreatedEventListener<NettyChannelBuilder> {

    @Override
    public NettyChannelBuilder onCreated(BeanCreatedEvent<NettyChannelBuilder> event) {
        return event.getBean().directExecutor();
    }
}
