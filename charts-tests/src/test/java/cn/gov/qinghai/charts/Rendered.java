package cn.gov.qinghai.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chart rendered by helm-java (Helm 3.16 in-process, no CLI) under some values, each document parsed into its
 * typed fabric8 model. Test hooks are rendered too ({@code helm template} includes them).
 */
final class Rendered {

    static final String RELEASE = "platform";
    static final String NAMESPACE = "qinghai";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    final String label;
    final String yaml;
    final List<KubernetesResource> objects;

    private Rendered(String label, String yaml, List<KubernetesResource> objects) {
        this.label = label;
        this.yaml = yaml;
        this.objects = objects;
    }

    /** Renders with the chart's values.yaml plus the given files (relative to the repository) and --set pairs. */
    static Rendered render(List<String> valuesFiles, Map<String, Object> sets) {
        TemplateCommand cmd =
                new Helm(chartWithVisibleTests()).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (String file : valuesFiles) {
            cmd = cmd.withValuesFile(Repo.ROOT.resolve(file));
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            cmd = cmd.set(set.getKey(), set.getValue());
        }
        String yaml = cmd.call();
        String label =
                (valuesFiles.isEmpty() ? "default" : String.join("+", valuesFiles)) + (sets.isEmpty() ? "" : sets);
        dump(label, yaml);
        List<KubernetesResource> objects = new ArrayList<>();
        for (String doc : DOCUMENT_SEPARATOR.split(yaml)) {
            String body = doc.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
            if (body.isBlank()) {
                continue;
            }
            try {
                objects.add(YAML.readValue(doc, KubernetesResource.class));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse a rendered object:\n" + doc, e);
            }
        }
        return new Rendered(label, yaml, objects);
    }

    /**
     * helm-java's template returns the release manifest only, without hooks, so `helm test` pods would go unchecked.
     * A copy of the chart in target/ carries the test hook annotation under another name; everything else is
     * byte-identical. The marker lets checks find the test pods and know they were hooks.
     */
    static final String TEST_HOOK_MARKER = "charts-tests.qinghai.gov.cn/helm-hook";

    private static Path chartCopy;

    private static synchronized Path chartWithVisibleTests() {
        if (chartCopy != null) {
            return chartCopy;
        }
        Path copy = Repo.ROOT.resolve("charts-tests/target/chart-under-test/platform");
        try {
            if (java.nio.file.Files.exists(copy)) {
                try (var old = java.nio.file.Files.walk(copy)) {
                    old.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            try (var files = java.nio.file.Files.walk(Repo.CHART)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(Repo.CHART.relativize(source).toString());
                    if (java.nio.file.Files.isDirectory(source)) {
                        java.nio.file.Files.createDirectories(target);
                    } else if (source.startsWith(Repo.CHART.resolve("templates/tests"))) {
                        java.nio.file.Files.writeString(
                                target,
                                java.nio.file.Files.readString(source)
                                        .replace("helm.sh/hook: test", TEST_HOOK_MARKER + ": test"));
                    } else {
                        java.nio.file.Files.copy(source, target);
                    }
                }
            }
            chartCopy = copy;
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what was checked in target/rendered/ for a human to read after a failure. */
    private static void dump(String label, String yaml) {
        try {
            Path dir = Repo.ROOT.resolve("charts-tests/target/rendered");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(label.replaceAll("[^A-Za-z0-9.=-]+", "_") + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rendered render(String... valuesFiles) {
        return render(List.of(valuesFiles), Map.of());
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst();
    }

    /** Every pod this chart runs, by a readable name: Deployments, StatefulSets, Jobs and test Pods. */
    Map<String, PodSpec> podSpecs() {
        Map<String, PodSpec> specs = new LinkedHashMap<>();
        all(Deployment.class)
                .forEach(d -> specs.put(
                        "Deployment/" + name(d), d.getSpec().getTemplate().getSpec()));
        all(StatefulSet.class)
                .forEach(s -> specs.put(
                        "StatefulSet/" + name(s), s.getSpec().getTemplate().getSpec()));
        all(Job.class)
                .forEach(j ->
                        specs.put("Job/" + name(j), j.getSpec().getTemplate().getSpec()));
        all(Pod.class).forEach(p -> specs.put("Pod/" + name(p), p.getSpec()));
        return specs;
    }

    /** Pod templates of the long-running workloads (what Services select). */
    Map<String, PodTemplateSpec> workloadTemplates() {
        Map<String, PodTemplateSpec> t = new LinkedHashMap<>();
        all(Deployment.class)
                .forEach(d -> t.put("Deployment/" + name(d), d.getSpec().getTemplate()));
        all(StatefulSet.class)
                .forEach(s -> t.put("StatefulSet/" + name(s), s.getSpec().getTemplate()));
        return t;
    }

    Map<String, Container> containersOf(Map<String, PodSpec> specs) {
        Map<String, Container> containers = new LinkedHashMap<>();
        specs.forEach((owner, spec) -> {
            spec.getContainers().forEach(c -> containers.put(owner + "/" + c.getName(), c));
            if (spec.getInitContainers() != null) {
                spec.getInitContainers().forEach(c -> containers.put(owner + "/init:" + c.getName(), c));
            }
        });
        return containers;
    }

    Optional<Service> service(String name) {
        return named(Service.class, name);
    }

    static String name(HasMetadata o) {
        return o.getMetadata().getName();
    }

    @Override
    public String toString() {
        return label;
    }
}
