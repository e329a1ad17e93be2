package cn.gov.qinghai.kit.grpc;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Beans every service gets from the kit: gRPC server reflection (so grpcurl works without .proto files) and a
 * clock in China Standard Time (policy dates are Beijing dates; tests replace the clock), and the service's
 * policy parameters from {@code parameters/*.yaml}, loaded and checked once at start-up.
 */
@Factory
public class PlatformGrpcFactory {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Singleton
    @Named("reflection")
    BindableService reflectionService() {
        return ProtoReflectionServiceV1.newInstance();
    }

    @Singleton
    ParameterRegistry parameterRegistry() {
        return ParameterRegistry.fromClasspath("parameters");
    }

    @Singleton
    Clock clock() {
        return Clock.system(CHINA);
    }
}
