package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object the chart renders, under every values file, is valid against the Kubernetes API schema of the target
 * version (see {@link KubernetesSchema}): a misspelt or misplaced field, a missing required field or a string where
 * an object belongs fails the build, as an API server would refuse it.
 */
class KubernetesSchemaTest {

    static java.util.stream.Stream<List<String>> values() {
        return ValuesMatrix.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void everyRenderedObjectMatchesTheKubernetesSchema(List<String> valuesFiles) {
        Rendered r = Rendered.render(valuesFiles.toArray(String[]::new));
        List<KubernetesSchema.Finding> findings = KubernetesSchema.validate(r.yaml);
        assertTrue(
                findings.isEmpty(),
                () -> r + ":\n"
                        + findings.stream()
                                .map(f -> "  " + f.object() + ": " + f.problem())
                                .collect(Collectors.joining("\n")));
    }

    @Test
    void aMisspeltFieldFailsTheSchema() {
        List<KubernetesSchema.Finding> findings = KubernetesSchema.validate("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: wage}
                spec:
                  selector: {matchLabels: {app: wage}}
                  template:
                    metadata: {labels: {app: wage}}
                    spec:
                      containers:
                        - name: wage
                          image: qinghai/wage:1
                          readinesProbe: {grpc: {port: 9181}}
                """);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).problem().contains("readinesProbe"), findings.toString());
    }

    @Test
    void aMissingRequiredFieldAndAWrongTypeFailTheSchema() {
        assertTrue(KubernetesSchema.validate("""
                apiVersion: v1
                kind: Service
                metadata: {name: wage}
                spec:
                  ports:
                    - name: grpc
                """).size() == 1, "a port without its port number");
        assertTrue(KubernetesSchema.validate("""
                apiVersion: v1
                kind: Service
                metadata: {name: wage}
                spec:
                  ports: {name: grpc, port: 9181}
                """).size() == 1, "ports as an object, not a list");
    }

    @Test
    void anUnknownKindIsReportedNotPassed() {
        List<KubernetesSchema.Finding> findings = KubernetesSchema.validate("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata: {name: wage}
                """);
        assertEquals(1, findings.size(), findings.toString());
    }
}
