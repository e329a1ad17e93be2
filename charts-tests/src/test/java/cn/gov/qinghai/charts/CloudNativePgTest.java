package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * database.mode cloudnative-pg: the chart renders a CloudNativePG Cluster and one managed role and Database per
 * service for the operator to keep, and no PostgreSQL or db-init of its own.
 */
class CloudNativePgTest {

    private static final String VALUES = "charts/platform/ci/cloudnative-pg-values.yaml";

    @Test
    void aClusterWithOneRoleAndOneDatabasePerService() {
        Rendered r = Rendered.render(VALUES);
        List<GenericKubernetesResource> clusters = crds(r, "Cluster");
        assertEquals(1, clusters.size());
        GenericKubernetesResource cluster = clusters.get(0);
        assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
        assertEquals("platform-db", Rendered.name(cluster));
        Map<String, Object> spec = map(cluster.getAdditionalProperties().get("spec"));
        assertEquals(3, spec.get("instances"));
        assertEquals("20Gi", map(spec.get("storage")).get("size"));

        Map<String, String> roleSecrets = ((List<?>) map(spec.get("managed")).get("roles"))
                .stream().map(CloudNativePgTest::map).collect(Collectors.toMap(m -> (String) m.get("name"), m ->
                        (String) map(m.get("passwordSecret")).get("name")));
        Map<String, String> databases = crds(r, "Database").stream()
                .map(d -> map(d.getAdditionalProperties().get("spec")))
                .collect(Collectors.toMap(m -> (String) m.get("name"), m -> (String) m.get("owner")));
        for (Deployment d : r.all(Deployment.class)) {
            String name = Rendered.name(d);
            if (name.equals("gateway")) {
                continue;
            }
            Map<String, EnvVar> env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, e -> e));
            String url = env.values().stream()
                    .filter(e -> e.getName().endsWith("_DB_URL"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            String db = url.substring(url.lastIndexOf('/') + 1);
            assertEquals("jdbc:postgresql://platform-db-rw:5432/" + db, url, name);
            String secretName = env.values().stream()
                    .filter(e -> e.getName().endsWith("_DB_USER"))
                    .findFirst()
                    .orElseThrow()
                    .getValueFrom()
                    .getSecretKeyRef()
                    .getName();
            Secret secret = r.named(Secret.class, secretName).orElseThrow();
            String role = secret.getStringData().get("username");
            assertEquals("kubernetes.io/basic-auth", secret.getType(), "CloudNativePG reads basic-auth Secrets");
            assertEquals(secretName, roleSecrets.get(role), name + ": its role's password is its own Secret");
            assertEquals(role, databases.get(db), name + ": its database is owned by its role");
        }
        assertEquals(r.all(Deployment.class).size() - 1, databases.size(), "one Database per service");
    }

    @Test
    void noPostgresOrDbInitOfItsOwnAndTheServicesMayReachTheClusterPods() {
        Rendered r = Rendered.render(VALUES);
        assertTrue(r.all(StatefulSet.class).isEmpty());
        assertTrue(r.all(Job.class).isEmpty());
        assertTrue(r.named(Secret.class, "postgres-admin").isEmpty());
        NetworkPolicy wage = r.named(NetworkPolicy.class, "wage").orElseThrow();
        Set<String> dbPeers = wage.getSpec().getEgress().stream()
                .flatMap(e -> e.getTo().stream())
                .filter(p -> p.getPodSelector() != null)
                .map(p -> p.getPodSelector().getMatchLabels().getOrDefault("cnpg.io/cluster", ""))
                .collect(Collectors.toSet());
        assertTrue(dbPeers.contains("platform-db"), dbPeers.toString());
    }

    private static List<GenericKubernetesResource> crds(Rendered r, String kind) {
        return r.all(GenericKubernetesResource.class).stream()
                .filter(g -> g.getKind().equals(kind))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
