package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The wiring of all six services (all enabled by default): enabling one is one value, and the chart
 * then gives it a database, its callers' addresses and exactly the network paths the architecture names.
 * (The env-vs-application.yml check runs in RenderedChartTest for what the values files enable.)
 */
class AllServicesTest {

    private static final List<String> ALL =
            List.of("wage", "dibao", "enterprise-cost", "retail", "health-data", "broadband", "hotline");

    private static Rendered renderAll() {
        Map<String, Object> sets = new HashMap<>();
        ALL.forEach(s -> sets.put("services." + s + ".enabled", true));
        return Rendered.render(List.of(), sets);
    }

    @Test
    void everyServiceGetsADeploymentADatabaseAndItsCalleesAddresses() {
        Rendered r = renderAll();
        Set<String> deployments =
                r.all(Deployment.class).stream().map(Rendered::name).collect(Collectors.toSet());
        assertTrue(deployments.containsAll(ALL), deployments.toString());
        String script =
                r.named(ConfigMap.class, "db-init").orElseThrow().getData().get("init.sh");
        for (String db : List.of("wage", "dibao", "enterprise_cost", "retail", "health_data", "broadband", "hotline")) {
            assertTrue(script.contains("ensure \"" + db + "\""), "db-init creates " + db);
        }
        assertEquals("wage:9181", env(r, "enterprise-cost").get("WAGE_GRPC_ADDRESS"));
        assertEquals("health-data:9185", env(r, "dibao").get("HEALTH_DATA_GRPC_ADDRESS"));
        assertEquals(
                "jdbc:postgresql://postgres:5432/enterprise_cost",
                env(r, "enterprise-cost").get("ENTERPRISE_COST_DB_URL"));
        Map<String, String> gateway = env(r, "gateway");
        for (String prefix :
                List.of("WAGE", "DIBAO", "ENTERPRISE_COST", "RETAIL", "HEALTH_DATA", "BROADBAND", "HOTLINE")) {
            assertTrue(gateway.containsKey(prefix + "_GRPC_ADDRESS"), "gateway routes to " + prefix);
        }
        Secret keys = r.named(Secret.class, "retail-keys").orElseThrow();
        assertTrue(keys.getStringData().get("RETAIL_TRACE_SIGNING_KEY").length() >= 32, "a generated signing key");
    }

    @Test
    void networkPoliciesAllowExactlyTheCallsTheArchitectureNames() {
        Rendered r = renderAll();
        // who may reach each service's gRPC port
        assertEquals(Set.of("gateway", "dibao"), grpcCallers(r, "health-data"));
        assertEquals(Set.of("gateway", "enterprise-cost"), grpcCallers(r, "wage"));
        assertEquals(Set.of("gateway"), grpcCallers(r, "broadband"));
        assertEquals(Set.of("gateway"), grpcCallers(r, "hotline"));
        NetworkPolicy postgres = r.named(NetworkPolicy.class, "postgres").orElseThrow();
        Set<String> dbClients = postgres.getSpec().getIngress().get(0).getFrom().stream()
                .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
        assertTrue(
                dbClients.containsAll(ALL) && dbClients.contains("db-init") && dbClients.size() == ALL.size() + 1,
                dbClients.toString());
    }

    @Test
    void aServiceWhoseCalleeIsDisabledIsRefusedWithAClearMessage() {
        Exception e =
                assertThrows(Exception.class, () -> Rendered.render(List.of(), Map.of("services.wage.enabled", false)));
        assertTrue(e.getMessage().contains("services.enterprise-cost calls wage"), e.getMessage());
    }

    private static Set<String> grpcCallers(Rendered r, String service) {
        NetworkPolicy np = r.named(NetworkPolicy.class, service).orElseThrow();
        return np.getSpec().getIngress().get(0).getFrom().stream()
                .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
    }

    private static Map<String, String> env(Rendered r, String deployment) {
        return r
                .named(Deployment.class, deployment)
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
