package cn.gov.qinghai.gateway.testing;

import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.TestIssuer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway on a random port with the named services' channels pointed at a port where nothing listens: for the
 * tests of what the gateway does on its own (pages render, validate before calling, say a service is unavailable).
 */
public final class GatewayWithServicesDown {

    private GatewayWithServicesDown() {}

    /** Starts the gateway; {@code services} as in {@code grpc.channels.<service>.address}, e.g. "health-data". */
    public static EmbeddedServer start(String... services) {
        String nothing = "localhost:" + RunningService.freePort();
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("qinghai.auth.issuer", TestIssuer.issuer());
        for (String service : services) {
            props.put("grpc.channels." + service + ".address", nothing);
        }
        return ApplicationContext.run(EmbeddedServer.class, props, "test");
    }
}
