package cn.gov.qinghai.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * One process the launcher starts (from {@code platform-services.yaml}).
 *
 * @param envPrefix prefix of the service's environment variables, e.g. WAGE → WAGE_GRPC_PORT; empty for the gateway
 * @param grpcPort  0 for the gateway (HTTP only)
 * @param database  database name; empty for the gateway
 */
public record ServiceSpec(
        String name, String module, String mainClass, String envPrefix, int grpcPort, int httpPort, String database) {

    public boolean isGateway() {
        return grpcPort == 0;
    }

    /** The domain services, in start order, and the gateway last. */
    @SuppressWarnings("unchecked")
    public static List<ServiceSpec> load() {
        try (InputStream in = ServiceSpec.class.getResourceAsStream("/platform-services.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            List<ServiceSpec> all = new ArrayList<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) doc.get("services")) {
                all.add(new ServiceSpec(
                        (String) s.get("name"),
                        (String) s.get("module"),
                        (String) s.get("mainClass"),
                        (String) s.get("envPrefix"),
                        (Integer) s.get("grpcPort"),
                        (Integer) s.get("httpPort"),
                        (String) s.get("database")));
            }
            Map<String, Object> g = (Map<String, Object>) doc.get("gateway");
            all.add(new ServiceSpec(
                    (String) g.get("name"),
                    (String) g.get("module"),
                    (String) g.get("mainClass"),
                    "",
                    0,
                    (Integer) g.get("httpPort"),
                    ""));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
