package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * auth.localProvider: the local OpenID Connect provider in the release (kind, CI containers stage). Off by default;
 * when on, the issuer everyone trusts is its in-cluster URL, its key is a generated (or given) Secret, and the
 * NetworkPolicies let exactly the gateway, the services and the helm test pods reach it.
 */
class LocalIdentityProviderTest {

    private static final String ISSUER = "http://identity-provider:9190/qinghai";

    private static String issuerOf(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("QH_OIDC_ISSUER"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
    }

    private static String allowHttpOf(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("QH_OIDC_ALLOW_HTTP_ISSUER"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
    }

    private static List<Deployment> platformDeployments(Rendered r) {
        return r.all(Deployment.class).stream()
                .filter(d -> !Rendered.name(d).equals("identity-provider"))
                .toList();
    }

    @Test
    void offByDefaultAndNothingOfItRenders() {
        Rendered r = Rendered.render();
        assertTrue(r.named(Deployment.class, "identity-provider").isEmpty());
        assertTrue(r.named(Secret.class, "identity-provider-key").isEmpty());
        assertTrue(r.service("identity-provider").isEmpty());
        platformDeployments(r).forEach(d -> assertEquals("", issuerOf(d), "no issuer of its own: " + Rendered.name(d)));
        platformDeployments(r)
                .forEach(d -> assertEquals("false", allowHttpOf(d), "https required: " + Rendered.name(d)));
    }

    @Test
    void onForKindWithTheInClusterIssuerForTheGatewayAndEveryService() {
        Rendered r = Rendered.render("charts/kind/values.yaml");
        Deployment idp = r.named(Deployment.class, "identity-provider").orElseThrow();
        assertFalse(platformDeployments(r).isEmpty());
        platformDeployments(r).forEach(d -> assertEquals(ISSUER, issuerOf(d), Rendered.name(d)));
        platformDeployments(r)
                .forEach(d -> assertEquals("true", allowHttpOf(d), "plain http in-cluster: " + Rendered.name(d)));
        Container c = idp.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("qinghai/identity-provider:0.1.0-SNAPSHOT", c.getImage());
        assertEquals(
                9190,
                r.service("identity-provider")
                        .orElseThrow()
                        .getSpec()
                        .getPorts()
                        .get(0)
                        .getPort());
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertTrue(c.getSecurityContext().getRunAsNonRoot());
        String keyFile = c.getEnv().stream()
                .filter(e -> e.getName().equals("QH_IDP_SIGNING_KEY_FILE"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
        var mount = c.getVolumeMounts().stream()
                .filter(m -> keyFile.startsWith(m.getMountPath() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the key file is on no mount"));
        assertTrue(mount.getReadOnly());
        var volume = idp.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals("identity-provider-key", volume.getSecret().getSecretName());
        String key = r.named(Secret.class, "identity-provider-key")
                .orElseThrow()
                .getStringData()
                .get(keyFile.substring(keyFile.lastIndexOf('/') + 1));
        assertTrue(key.startsWith("-----BEGIN RSA PRIVATE KEY-----"), "a generated RSA key");
    }

    @Test
    void aGivenIssuerAndAGivenKeyWin() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIBgiven\n-----END PRIVATE KEY-----\n";
        Rendered r = Rendered.render(
                List.of("charts/kind/values.yaml"),
                Map.of(
                        "auth.issuer",
                        "http://identity-provider.qinghai.svc.cluster.local:9190/qinghai",
                        "auth.localProvider.signingKey",
                        pem));
        platformDeployments(r)
                .forEach(d -> assertEquals(
                        "http://identity-provider.qinghai.svc.cluster.local:9190/qinghai",
                        issuerOf(d),
                        Rendered.name(d)));
        platformDeployments(r).forEach(d -> assertEquals("true", allowHttpOf(d), Rendered.name(d)));
        assertEquals(
                pem,
                r.named(Secret.class, "identity-provider-key")
                        .orElseThrow()
                        .getStringData()
                        .get("signing-key.pem"));
    }

    @Test
    void plainHttpIsAllowedForNoIssuerButTheLocalProvidersOwn() {
        for (String issuer : List.of(
                "http://idp.example.gov.cn/qinghai",
                "https://idp.qinghai.gov.cn/realms/platform",
                "http://identity-provider.evil.example:9190/qinghai",
                "http://identity-provider:9190/other")) {
            Rendered r = Rendered.render(List.of("charts/kind/values.yaml"), Map.of("auth.issuer", issuer));
            platformDeployments(r).forEach(d -> assertEquals("false", allowHttpOf(d), issuer + " " + Rendered.name(d)));
        }
    }

    @Test
    void networkPoliciesLetTheGatewayServicesAndHelmTestsReachItAndNothingElse() {
        Rendered r = Rendered.render("charts/kind/values.yaml");
        List<String> problems = new ArrayList<>();
        for (Deployment d : platformDeployments(r)) {
            NetworkPolicy np = r.named(NetworkPolicy.class, Rendered.name(d)).orElseThrow();
            boolean reaches = np.getSpec().getEgress().stream()
                    .anyMatch(rule -> selects(rule.getTo(), "identity-provider")
                            && rule.getPorts().stream()
                                    .anyMatch(p -> p.getPort().getIntVal() == 9190));
            if (!reaches) {
                problems.add(Rendered.name(d) + " has no egress to identity-provider:9190");
            }
        }
        NetworkPolicy idp = r.named(NetworkPolicy.class, "identity-provider").orElseThrow();
        assertEquals(1, idp.getSpec().getIngress().size());
        for (Deployment d : platformDeployments(r)) {
            if (!selects(idp.getSpec().getIngress().get(0).getFrom(), Rendered.name(d))) {
                problems.add("identity-provider admits no traffic from " + Rendered.name(d));
            }
        }
        assertTrue(idp.getSpec().getEgress().isEmpty(), "the provider calls nobody");
        NetworkPolicy tests = r.named(NetworkPolicy.class, "helm-test").orElseThrow();
        assertTrue(selects(tests.getSpec().getEgress().get(0).getTo(), "identity-provider"), "helm test reaches it");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // and without the local provider, no rule names it
        assertFalse(Rendered.render().yaml.contains("identity-provider"));
    }

    @Test
    void anExternalProvidersEgressGoesToTheGatewayAndEveryService() {
        Rendered r = Rendered.render(
                List.of(),
                Map.of(
                        "networkPolicies.identityProviderEgress[0].to[0].ipBlock.cidr",
                        "10.20.0.0/24",
                        "networkPolicies.identityProviderEgress[0].ports[0].port",
                        443));
        for (Deployment d : r.all(Deployment.class)) {
            List<NetworkPolicyEgressRule> egress = r.named(NetworkPolicy.class, Rendered.name(d))
                    .orElseThrow()
                    .getSpec()
                    .getEgress();
            assertTrue(
                    egress.stream()
                            .anyMatch(rule -> rule.getTo().stream()
                                    .anyMatch(p -> p.getIpBlock() != null
                                            && "10.20.0.0/24"
                                                    .equals(p.getIpBlock().getCidr()))),
                    Rendered.name(d));
        }
    }

    @Test
    void theImageIsTheOneTheIdentityProviderModuleBuilds() throws Exception {
        JsonNode values = new ObjectMapper(new YAMLFactory())
                .readTree(Repo.CHART.resolve("values.yaml").toFile());
        Matcher m = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(Repo.read(Repo.ROOT.resolve("identity-provider/pom.xml")));
        assertTrue(m.find());
        assertEquals(m.group(1), values.at("/auth/localProvider/image").asText());
        assertTrue(
                Repo.read(Repo.ROOT.resolve("charts/images/apps.sh")).contains("jib-maven-plugin")
                        && Repo.read(Repo.ROOT.resolve("identity-provider/pom.xml"))
                                .contains("<artifactId>jib-maven-plugin"),
                "the module gets an image and the image scripts list it");
    }

    private static boolean selects(List<NetworkPolicyPeer> peers, String name) {
        return peers.stream()
                .map(NetworkPolicyPeer::getPodSelector)
                .filter(Objects::nonNull)
                .anyMatch(s -> name.equals(s.getMatchLabels().get("app.kubernetes.io/name")));
    }
}
