package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The images Jib builds (root pom) and the images the chart runs agree: same user, same names, and every service
 * whose module exists has a values entry. Drift here would only show up on a cluster.
 */
class ImagesMatchChartTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theChartRunsAsTheUserTheImagesAreBuiltFor() throws Exception {
        String pom = Repo.read(Repo.ROOT.resolve("pom.xml"));
        Matcher user = Pattern.compile("<user>(\\d+):(\\d+)</user>").matcher(pom);
        assertTrue(user.find(), "Jib sets a numeric non-root user");
        JsonNode values = YAML.readTree(Repo.CHART.resolve("values.yaml").toFile());
        assertEquals(Integer.parseInt(user.group(1)), values.get("runAsUser").asInt());
        assertTrue(
                pom.contains("-XX:MaxRAMPercentage=") && pom.contains("-XX:+ExitOnOutOfMemoryError"),
                "container JVM flags");
        assertTrue(
                pom.contains("<exists>${basedir}/src/main/resources/application.yml</exists>"),
                "every app module gets an image");
        assertEquals("qinghai", values.at("/image/registry").asText());
        assertTrue(pom.contains("<jib.to.registry>qinghai</jib.to.registry>"), "images are named as the chart expects");
    }

    @Test
    void everyAppModuleHasAValuesEntryWithItsArtifactIdAsImage() throws Exception {
        JsonNode values = YAML.readTree(Repo.CHART.resolve("values.yaml").toFile());
        List<String> problems = new ArrayList<>();
        List<Path> apps = new ArrayList<>();
        apps.add(Repo.ROOT.resolve("gateway"));
        try (var dirs = Files.list(Repo.ROOT.resolve("services"))) {
            dirs.filter(d -> Files.exists(d.resolve("src/main/resources/application.yml")))
                    .forEach(apps::add);
        }
        Pattern artifactId = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
        for (Path app : apps) {
            String name = app.getFileName().toString();
            Matcher m = artifactId.matcher(Repo.read(app.resolve("pom.xml")));
            assertTrue(m.find(), "artifactId of " + name);
            JsonNode entry = name.equals("gateway") ? values.get("gateway") : values.at("/services/" + name);
            if (entry.isMissingNode() || entry.isNull()) {
                problems.add(name + " has no entry in charts/platform/values.yaml");
            } else if (!m.group(1).equals(entry.get("image").asText())) {
                problems.add(name + ": values image " + entry.get("image").asText() + " but Jib builds qinghai/"
                        + m.group(1));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
