package cn.gov.qinghai.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Files of this repository the chart is checked against: the chart itself and each application's configuration. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("qinghai.home", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("charts/platform");

    /** Placeholders like {@code ${WAGE_DB_URL:...}} or {@code ${QH_OIDC_ISSUER}}: the environment an app reads. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private Repo() {
    }

    /** The module directory of a workload the chart deploys: gateway, or services/&lt;name&gt;. */
    static Path moduleOf(String workload) {
        return workload.equals("gateway") ? ROOT.resolve("gateway") : ROOT.resolve("services").resolve(workload);
    }

    static Path applicationYml(String workload) {
        return moduleOf(workload).resolve("src/main/resources/application.yml");
    }

    /** Every environment variable the workload's application.yml reads; fails if the file does not exist. */
    static Set<String> environmentRead(String workload) {
        Path yml = applicationYml(workload);
        if (!Files.exists(yml)) {
            throw new AssertionError(workload + " is enabled in the chart but " + ROOT.relativize(yml)
                    + " does not exist: keep services." + workload + ".enabled false until the service is merged");
        }
        try {
            Matcher m = PLACEHOLDER.matcher(Files.readString(yml));
            Set<String> names = new TreeSet<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
