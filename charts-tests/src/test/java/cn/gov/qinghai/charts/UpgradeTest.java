package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a second `helm upgrade` with changed values must keep: the database's StatefulSet and claim (so the data
 * stays), every immutable selector, and the finished db-init Job when the set of databases did not change. Flyway
 * then applies only migrations newer than the database's history; the services never clean or re-baseline.
 */
class UpgradeTest {

    private static final Map<String, Object> CHANGED = Map.of(
            "image.tag", "0.2.0",
            "services.wage.replicas", 2,
            "services.wage.env.WAGE_STANDARDS_CACHE_TTL", "5s",
            "gateway.env.GATEWAY_DEADLINE", "5s",
            "networkPolicies.enabled", false);

    @Test
    void aChangedValueKeepsTheDatabaseClaimAndEveryImmutableField() {
        Rendered before = Rendered.render(List.of("charts/kind/values.yaml"), Map.of());
        Rendered after = Rendered.render(List.of("charts/kind/values.yaml"), CHANGED);

        StatefulSet pgBefore = before.named(StatefulSet.class, "postgres").orElseThrow();
        StatefulSet pgAfter = after.named(StatefulSet.class, "postgres").orElseThrow();
        // The claim is data-postgres-0: <template name>-<StatefulSet name>-<ordinal>.
        assertEquals(
                "data",
                pgBefore.getSpec()
                        .getVolumeClaimTemplates()
                        .get(0)
                        .getMetadata()
                        .getName());
        assertEquals(
                pgBefore.getSpec().getVolumeClaimTemplates(),
                pgAfter.getSpec().getVolumeClaimTemplates(),
                "volumeClaimTemplates are immutable and name the claim that holds the data");
        assertEquals(pgBefore.getSpec().getServiceName(), pgAfter.getSpec().getServiceName());
        assertEquals(pgBefore.getSpec().getSelector(), pgAfter.getSpec().getSelector());

        for (Deployment d : before.all(Deployment.class)) {
            Deployment same = after.named(Deployment.class, Rendered.name(d)).orElseThrow();
            assertEquals(d.getSpec().getSelector(), same.getSpec().getSelector(), "selector of " + Rendered.name(d));
        }
        assertEquals(jobName(before), jobName(after), "same databases: the finished db-init Job is left alone");
        assertNotEquals(image(before, "wage"), image(after, "wage"), "the change itself did land");
    }

    @Test
    void enablingAServiceRunsANewDbInitJobThatCreatesOnlyWhatIsMissing() {
        Rendered before = Rendered.render(List.of(), Map.of("services.broadband.enabled", false));
        Rendered after = Rendered.render();
        assertNotEquals(jobName(before), jobName(after), "a Job's pod template is immutable: a new Job runs");
        String script =
                after.named(ConfigMap.class, "db-init").orElseThrow().getData().get("init.sh");
        assertTrue(script.contains("ensure \"broadband\""), script);
        assertTrue(script.contains("ensure \"wage\""), "every enabled service, again: the script is idempotent");
        assertTrue(script.contains("WHERE NOT EXISTS (SELECT FROM pg_database"), "never recreates a database");
        assertFalse(script.toUpperCase().contains("DROP "), "never drops anything");
    }

    @Test
    void flywayOnlyMigratesForwardInEveryServiceTheChartDeploys() throws Exception {
        for (Deployment d : Rendered.render().all(Deployment.class)) {
            String app = Rendered.name(d);
            if (app.equals("gateway")) {
                continue;
            }
            String yml = Repo.read(Repo.applicationYml(app));
            assertTrue(yml.contains("flyway:"), app + " runs Flyway on start");
            assertFalse(
                    yml.contains("clean-on-validation-error")
                            || yml.contains("clean-disabled: false")
                            || yml.contains("baseline-on-migrate: true"),
                    app + " must never clean or re-baseline");
            Path migrations = Repo.moduleOf(app).resolve("src/main/resources/db/migration");
            Set<String> versions = new HashSet<>();
            Pattern name = Pattern.compile("V(\\d+(?:_\\d+)*)__\\w+\\.sql");
            try (Stream<Path> files = Files.list(migrations)) {
                for (Path f : files.toList()) {
                    Matcher m = name.matcher(f.getFileName().toString());
                    assertTrue(m.matches(), "migration file name " + f.getFileName());
                    assertTrue(versions.add(m.group(1)), "duplicate migration version " + m.group(1) + " in " + app);
                }
            }
            assertFalse(versions.isEmpty(), app + " has migrations");
        }
    }

    private static String jobName(Rendered r) {
        List<Job> jobs = r.all(Job.class);
        assertEquals(1, jobs.size());
        return Rendered.name(jobs.get(0));
    }

    private static String image(Rendered r, String deployment) {
        return r.named(Deployment.class, deployment)
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }
}
