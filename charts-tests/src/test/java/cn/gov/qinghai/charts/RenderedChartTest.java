package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the rendered chart under every values file of {@link ValuesMatrix}: each test collects every violation
 * and reports them together, naming the object and container.
 */
class RenderedChartTest {

    private static final Map<List<String>, Rendered> RENDERS = new ConcurrentHashMap<>();

    static Stream<List<String>> matrix() {
        return ValuesMatrix.files();
    }

    private static Rendered render(List<String> files) {
        return RENDERS.computeIfAbsent(files, f -> Rendered.render(f, Map.of()));
    }

    private static void assertNone(List<String> problems, Rendered r) {
        assertTrue(problems.isEmpty(), r + ":\n  " + String.join("\n  ", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyObjectIsAKnownKindWithNoUnknownField(List<String> files) {
        Rendered r = render(files);
        assertTrue(r.objects.size() > 10, "rendered too little: " + r.objects.size());
        List<String> problems = new ArrayList<>();
        for (KubernetesResource o : r.objects) {
            if (o instanceof GenericKubernetesResource g) {
                if (KubernetesSchema.CRD_GROUPS.contains(g.getApiVersion().replaceAll("/.*", ""))) {
                    continue; // an operator's kind (CloudNativePG): checked by CloudNativePgTest
                }
                problems.add("not a Kubernetes API kind: " + g.getApiVersion() + "/" + g.getKind() + " "
                        + g.getMetadata().getName());
                continue;
            }
            HasMetadata h = (HasMetadata) o;
            UnknownFields.of(o)
                    .forEach(u ->
                            problems.add(h.getKind() + "/" + h.getMetadata().getName() + " " + u));
        }
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyLongRunningContainerHasStartupReadinessAndLivenessProbes(List<String> files) {
        Rendered r = render(files);
        List<String> problems = new ArrayList<>();
        Map<String, PodSpec> workloads = r.workloadTemplates().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getSpec()));
        r.containersOf(workloads).forEach((where, c) -> {
            if (c.getStartupProbe() == null) problems.add(where + ": no startupProbe");
            if (c.getReadinessProbe() == null) problems.add(where + ": no readinessProbe");
            if (c.getLivenessProbe() == null) problems.add(where + ": no livenessProbe");
        });
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void servicesUseGrpcProbesAndTheGatewayHttpProbes(List<String> files) {
        Rendered r = render(files);
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            boolean gateway = Rendered.name(d).equals("gateway");
            // the local OpenID Connect provider is ready when it serves its discovery document
            String httpPath = Rendered.name(d).equals(Repo.IDENTITY_PROVIDER)
                    ? "/qinghai/.well-known/openid-configuration"
                    : gateway ? "/health" : null;
            for (Probe p : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                if (httpPath != null
                        ? p.getHttpGet() == null
                                || !httpPath.equals(p.getHttpGet().getPath())
                        : p.getGrpc() == null) {
                    problems.add(Rendered.name(d) + ": expected "
                            + (httpPath != null ? "an HTTP " + httpPath : "a gRPC") + " probe, got " + p);
                }
            }
        }
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyContainerHasResourcesAndTheRestrictedSecurityContext(List<String> files) {
        Rendered r = render(files);
        List<String> problems = new ArrayList<>();
        r.podSpecs().forEach((owner, spec) -> {
            PodSecurityContext psc = spec.getSecurityContext();
            if (psc == null
                    || !Boolean.TRUE.equals(psc.getRunAsNonRoot())
                    || psc.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(psc.getSeccompProfile().getType())) {
                problems.add(owner + ": pod securityContext must be runAsNonRoot with seccomp RuntimeDefault");
            }
            if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
                problems.add(owner + ": mounts a service account token it has no use for");
            }
        });
        r.containersOf(r.podSpecs()).forEach((where, c) -> {
            var res = c.getResources();
            if (res == null
                    || res.getRequests() == null
                    || !res.getRequests().containsKey("cpu")
                    || !res.getRequests().containsKey("memory")
                    || res.getLimits() == null
                    || !res.getLimits().containsKey("memory")) {
                problems.add(where + ": needs cpu and memory requests and a memory limit");
            }
            SecurityContext sc = c.getSecurityContext();
            if (sc == null) {
                problems.add(where + ": no securityContext");
                return;
            }
            if (!Boolean.TRUE.equals(sc.getRunAsNonRoot())) problems.add(where + ": runAsNonRoot not true");
            if (sc.getRunAsUser() == null || sc.getRunAsUser() == 0)
                problems.add(where + ": runAsUser must be a non-zero uid");
            if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()))
                problems.add(where + ": allowPrivilegeEscalation not false");
            if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()))
                problems.add(where + ": readOnlyRootFilesystem not true");
            if (Boolean.TRUE.equals(sc.getPrivileged())) problems.add(where + ": privileged");
            Capabilities caps = sc.getCapabilities();
            if (caps == null
                    || caps.getDrop() == null
                    || !caps.getDrop().contains("ALL")
                    || (caps.getAdd() != null && !caps.getAdd().isEmpty())) {
                problems.add(where + ": capabilities must drop ALL and add none");
            }
            if (sc.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(sc.getSeccompProfile().getType())) {
                problems.add(where + ": seccompProfile not RuntimeDefault");
            }
        });
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyServiceSelectsAPodTemplateOnPortsItsContainersExpose(List<String> files) {
        Rendered r = render(files);
        List<String> problems = new ArrayList<>();
        for (Service s : r.all(Service.class)) {
            Map<String, String> selector = s.getSpec().getSelector();
            var matching = r.workloadTemplates().entrySet().stream()
                    .filter(t ->
                            t.getValue().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (selector == null || selector.isEmpty() || matching.isEmpty()) {
                problems.add("Service/" + Rendered.name(s) + " selects no pod template: " + selector);
                continue;
            }
            for (var t : matching) {
                List<ContainerPort> ports = t.getValue().getSpec().getContainers().stream()
                        .flatMap(c -> c.getPorts().stream())
                        .toList();
                for (ServicePort sp : s.getSpec().getPorts()) {
                    if (!exposes(ports, sp.getTargetPort())) {
                        problems.add("Service/" + Rendered.name(s) + " port " + sp.getName() + " targets "
                                + sp.getTargetPort() + ", which " + t.getKey() + " does not expose");
                    }
                }
            }
        }
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyProbePortIsAContainerPort(List<String> files) {
        Rendered r = render(files);
        List<String> problems = new ArrayList<>();
        r.containersOf(r.podSpecs()).forEach((where, c) -> {
            for (Probe p : Stream.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())
                    .filter(Objects::nonNull)
                    .toList()) {
                IntOrString port = p.getGrpc() != null
                        ? new IntOrString(p.getGrpc().getPort())
                        : p.getHttpGet() != null
                                ? p.getHttpGet().getPort()
                                : p.getTcpSocket() != null ? p.getTcpSocket().getPort() : null;
                if (port != null && !exposes(c.getPorts(), port)) {
                    problems.add(where + ": probe on port " + port + ", which the container does not expose");
                }
            }
        });
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyEnvironmentVariableIsOneTheApplicationReads(List<String> files) {
        checkEnvironment(render(files));
    }

    /** Every variable a Deployment sets is read by its application.yml (read from the repository). */
    static void checkEnvironment(Rendered r) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            String app = Rendered.name(d);
            Set<String> read = Repo.environmentRead(app);
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar e : c.getEnv()) {
                    if (!read.contains(e.getName())) {
                        problems.add(app + " sets " + e.getName() + ", which "
                                + Repo.ROOT.relativize(Repo.environmentSource(app)) + " never reads (it reads " + read
                                + ")");
                    }
                }
            }
        }
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyAddressPointsToAServiceInTheChart(List<String> files) {
        Rendered r = render(files);
        boolean internalDb = r.service("postgres").isPresent();
        List<String> problems = new ArrayList<>();
        int addresses = 0;
        for (Deployment d : r.all(Deployment.class)) {
            for (EnvVar e :
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                String where = Rendered.name(d) + " " + e.getName() + "=" + e.getValue();
                if (e.getName().endsWith("_GRPC_ADDRESS")) {
                    addresses++;
                    String[] hostPort = e.getValue().split(":");
                    checkServicePort(r, hostPort[0], Integer.parseInt(hostPort[1]), "grpc", where, problems);
                } else if (e.getName().endsWith("_DB_URL")) {
                    addresses++;
                    var m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)(\\?.*)?")
                            .matcher(e.getValue());
                    if (!m.matches()) {
                        problems.add(where + ": not a PostgreSQL JDBC URL");
                    } else if (internalDb) {
                        checkServicePort(r, m.group(1), Integer.parseInt(m.group(2)), "postgres", where, problems);
                    } else if (m.group(1).equals("localhost") || m.group(1).equals("postgres")) {
                        problems.add(where + ": external database mode must point at the external host");
                    }
                }
            }
        }
        assertTrue(addresses >= 2, "expected at least the gateway's and wage's addresses");
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everySecretConfigMapAndServiceAccountReferencedExists(List<String> files) {
        Rendered r = render(files);
        Set<String> secrets = r.all(Secret.class).stream().map(Rendered::name).collect(Collectors.toSet());
        Set<String> configMaps =
                r.all(ConfigMap.class).stream().map(Rendered::name).collect(Collectors.toSet());
        Set<String> accounts =
                r.all(ServiceAccount.class).stream().map(Rendered::name).collect(Collectors.toSet());
        // Secrets an operator provides by values (external database admin credentials) are allowed by name.
        Set<String> provided =
                files.contains("charts/platform/ci/external-db-values.yaml") ? Set.of("pg-admin") : Set.of();
        List<String> problems = new ArrayList<>();
        r.podSpecs().forEach((owner, spec) -> {
            if (spec.getServiceAccountName() != null && !accounts.contains(spec.getServiceAccountName())) {
                problems.add(owner + ": no ServiceAccount " + spec.getServiceAccountName());
            }
            for (Volume v : spec.getVolumes() == null ? List.<Volume>of() : spec.getVolumes()) {
                if (v.getConfigMap() != null
                        && !configMaps.contains(v.getConfigMap().getName())) {
                    problems.add(owner + ": no ConfigMap " + v.getConfigMap().getName());
                }
            }
        });
        r.containersOf(r.podSpecs()).forEach((where, c) -> {
            for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    String name = e.getValueFrom().getSecretKeyRef().getName();
                    String key = e.getValueFrom().getSecretKeyRef().getKey();
                    var secret = r.named(Secret.class, name);
                    if (secret.isEmpty() && !provided.contains(name)) {
                        problems.add(where + " " + e.getName() + ": no Secret " + name);
                    } else if (secret.isPresent()
                            && !secret.get().getStringData().containsKey(key)) {
                        problems.add(where + " " + e.getName() + ": Secret " + name + " has no key " + key);
                    }
                }
            }
        });
        assertNone(problems, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void theDevTokenEndpointIsOff(List<String> files) {
        Rendered r = render(files);
        // The gateway mints no tokens in any environment (issue 16: tokens come from the OpenID Connect provider);
        // the chart still never chooses Micronaut environments, so nothing local-only can be switched on.
        assertFalse(
                java.nio.file.Files.exists(Repo.ROOT.resolve("gateway/src/main/java/cn/gov/qinghai/gateway/dev")),
                "the gateway has no token endpoint");
        List<String> problems = new ArrayList<>();
        r.containersOf(r.podSpecs()).forEach((where, c) -> {
            for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                if (e.getName().startsWith("MICRONAUT_ENV")
                        || e.getName().equals("JAVA_TOOL_OPTIONS")
                        || String.valueOf(e.getValue()).contains("micronaut.environments")) {
                    problems.add(where + " sets " + e.getName() + ": the chart never chooses Micronaut environments");
                }
            }
            Stream.concat(
                            Stream.ofNullable(c.getCommand()).flatMap(List::stream),
                            Stream.ofNullable(c.getArgs()).flatMap(List::stream))
                    .filter(a -> a.contains("micronaut.environments") || a.contains("micronaut.env"))
                    .forEach(a -> problems.add(where + " passes " + a));
        });
        assertNone(problems, r);
        assertFalse(r.yaml.contains("/dev/tokens"), "nothing in the chart calls the dev-token endpoint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void helmTestsCallTheGatewayAndEveryServiceHealth(List<String> files) {
        Rendered r = render(files);
        List<String> urls = r.all(io.fabric8.kubernetes.api.model.Pod.class).stream()
                .filter(p -> "test".equals(p.getMetadata().getAnnotations().get(Rendered.TEST_HOOK_MARKER)))
                .map(p -> p.getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs()
                        .get(p.getSpec().getContainers().get(0).getArgs().size() - 1))
                .toList();
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            String name = Rendered.name(d);
            Service s = r.service(name).orElseThrow();
            int port = s.getSpec().getPorts().stream()
                    .filter(p -> !p.getName().equals("grpc"))
                    .findFirst()
                    .orElseThrow()
                    .getPort();
            String health = "http://" + name + ":" + port
                    + (name.equals(Repo.IDENTITY_PROVIDER) ? "/qinghai/.well-known/openid-configuration" : "/health");
            if (!urls.contains(health)) {
                problems.add("no helm test calls " + health + " (tests: " + urls + ")");
            }
        }
        assertTrue(
                urls.stream().anyMatch(u -> u.startsWith("http://gateway:8080/api/")),
                "a test calls a gateway API route: " + urls);
        assertNone(problems, r);
    }

    private static void checkServicePort(
            Rendered r, String host, int port, String portName, String where, List<String> problems) {
        var service = r.service(host);
        if (service.isEmpty()) {
            problems.add(where + ": no Service " + host + " in the chart");
        } else if (service.get().getSpec().getPorts().stream()
                .noneMatch(p -> p.getPort() == port && p.getName().equals(portName))) {
            problems.add(where + ": Service " + host + " has no " + portName + " port " + port);
        }
    }

    private static boolean exposes(List<ContainerPort> ports, IntOrString port) {
        assertNotNull(port, "a port reference");
        return ports != null
                && ports.stream()
                        .anyMatch(p -> port.getIntVal() != null
                                ? p.getContainerPort().equals(port.getIntVal())
                                : port.getStrVal().equals(p.getName()));
    }

    static void assertSingle(List<?> list, String what) {
        assertEquals(1, list.size(), what + ": " + list);
    }
}
