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

    static final Path ROOT =
            Path.of(System.getProperty("qinghai.home", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("charts/platform");

    /** Placeholders like {@code ${WAGE_DB_URL:...}} or {@code ${QH_OIDC_ISSUER}}: the environment an app reads. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /** The local OpenID Connect provider (auth.localProvider): not a Micronaut app, its main reads the environment. */
    static final String IDENTITY_PROVIDER = "identity-provider";

    private static final Pattern IDP_VARIABLE = Pattern.compile("\"(QH_IDP_[A-Z0-9_]+)\"");

    private Repo() {}

    /** The module directory of a workload the chart deploys: gateway, identity-provider, or services/&lt;name&gt;. */
    static Path moduleOf(String workload) {
        return workload.equals("gateway") || workload.equals(IDENTITY_PROVIDER)
                ? ROOT.resolve(workload)
                : ROOT.resolve("services").resolve(workload);
    }

    /** The file that says which environment a workload reads: its application.yml, or the provider's main. */
    static Path environmentSource(String workload) {
        return workload.equals(IDENTITY_PROVIDER)
                ? moduleOf(workload).resolve("src/main/java/cn/gov/qinghai/identity/IdentityProviderMain.java")
                : applicationYml(workload);
    }

    static Path applicationYml(String workload) {
        return moduleOf(workload).resolve("src/main/resources/application.yml");
    }

    /** Every environment variable the workload's application.yml reads; fails if the file does not exist. */
    static Set<String> environmentRead(String workload) {
        Path yml = environmentSource(workload);
        if (!Files.exists(yml)) {
            throw new AssertionError(workload + " is enabled in the chart but " + ROOT.relativize(yml)
                    + " does not exist: keep services." + workload + ".enabled false until the service is merged");
        }
        try {
            Matcher m =
                    (workload.equals(IDENTITY_PROVIDER) ? IDP_VARIABLE : PLACEHOLDER).matcher(Files.readString(yml));
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
