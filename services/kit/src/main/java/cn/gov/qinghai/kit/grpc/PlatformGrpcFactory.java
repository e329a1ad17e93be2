package cn.gov.qinghai.kit.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Beans every service gets from the kit: gRPC server reflection (so grpcurl works without .proto files) and a
 * clock in China Standard Time (policy dates are Beijing dates; tests replace the clock).
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
    Clock clock() {
        return Clock.system(CHINA);
    }
}
