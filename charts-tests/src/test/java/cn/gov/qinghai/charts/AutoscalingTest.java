package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One HorizontalPodAutoscaler per stateless Deployment when autoscaling is on; none by default or for kind. */
class AutoscalingTest {

    @Test
    void offByDefaultAndForKind() {
        assertTrue(Rendered.render().all(HorizontalPodAutoscaler.class).isEmpty());
        Rendered kind = Rendered.render("charts/kind/values.yaml");
        assertTrue(kind.all(HorizontalPodAutoscaler.class).isEmpty());
        kind.all(Deployment.class).forEach(d -> assertEquals(1, d.getSpec().getReplicas(), Rendered.name(d)));
    }

    @Test
    void onGivesEveryDeploymentAnHpaOnCpuAndLeavesTheReplicaCountToIt() {
        Rendered r = Rendered.render(
                List.of(), Map.of("autoscaling.enabled", true, "services.wage.autoscaling.maxReplicas", 10));
        Map<String, HorizontalPodAutoscaler> hpas =
                r.all(HorizontalPodAutoscaler.class).stream().collect(Collectors.toMap(Rendered::name, h -> h));
        Set<String> deployments =
                r.all(Deployment.class).stream().map(Rendered::name).collect(Collectors.toSet());
        assertEquals(deployments, hpas.keySet(), "one HPA per Deployment, named after it");
        for (Deployment d : r.all(Deployment.class)) {
            HorizontalPodAutoscaler h = hpas.get(Rendered.name(d));
            assertEquals("Deployment", h.getSpec().getScaleTargetRef().getKind());
            assertEquals(Rendered.name(d), h.getSpec().getScaleTargetRef().getName());
            assertEquals(2, h.getSpec().getMinReplicas());
            assertEquals(Rendered.name(d).equals("wage") ? 10 : 6, h.getSpec().getMaxReplicas(), Rendered.name(d));
            var metric = h.getSpec().getMetrics().get(0).getResource();
            assertEquals("cpu", metric.getName());
            assertEquals(70, metric.getTarget().getAverageUtilization());
            assertNull(d.getSpec().getReplicas(), "the HPA owns the replica count of " + Rendered.name(d));
        }
        Set<String> pdbs =
                r.all(PodDisruptionBudget.class).stream().map(Rendered::name).collect(Collectors.toSet());
        assertEquals(deployments, pdbs, "minReplicas 2: a PodDisruptionBudget per Deployment");
    }

    @Test
    void aWorkloadCanTurnItOnAlone() {
        Rendered r = Rendered.render(List.of(), Map.of("gateway.autoscaling.enabled", true));
        assertEquals(
                List.of("gateway"),
                r.all(HorizontalPodAutoscaler.class).stream()
                        .map(Rendered::name)
                        .toList());
        assertEquals(
                1, r.named(Deployment.class, "wage").orElseThrow().getSpec().getReplicas());
    }

    @Test
    void minAboveMaxIsRefused() {
        Exception e = assertThrows(
                Exception.class,
                () -> Rendered.render(List.of(), Map.of("autoscaling.enabled", true, "autoscaling.minReplicas", 9)));
        assertTrue(e.getMessage().contains("minReplicas (9) is above maxReplicas (6)"), e.getMessage());
    }
}
