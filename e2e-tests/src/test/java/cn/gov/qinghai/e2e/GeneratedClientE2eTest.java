package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * A client generated from the OpenAPI document the running gateway serves proves the document is usable: it is
 * generated with openapi-generator (java, native HTTP client), compiled together with {@code ClientDriver}
 * (src/test/resources/generated-client), which calls through the running platform one public and one department
 * route in every domain and one bad request per domain, asserting typed fields and the typed problem.
 */
class GeneratedClientE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void aClientGeneratedFromTheServedDocumentWorksInEveryDomain() throws Exception {
        PlatformUnderTest.Response spec = platform.get("/swagger/qinghai-policy-domain-platform-v1.yml");
        assertEquals(200, spec.status());
        Path work = Path.of("target/generated-client");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path document = work.resolve("api.yml");
        Files.writeString(document, spec.body(), StandardCharsets.UTF_8);

        CodegenConfigurator config = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(document.toString())
                .setOutputDir(work.resolve("client").toString())
                .setInvokerPackage("cn.gov.qinghai.client")
                .setApiPackage("cn.gov.qinghai.client.api")
                .setModelPackage("cn.gov.qinghai.client.model")
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("sortParamsByRequiredFlag", false)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        new DefaultGenerator().opts(config.toClientOptInput()).generate();

        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work.resolve("client/src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        Path driver = work.resolve("driver/cn/gov/qinghai/client/check/ClientDriver.java");
        Files.createDirectories(driver.getParent());
        try (var in = getClass().getResourceAsStream("/generated-client/ClientDriver.java")) {
            Files.write(driver, in.readAllBytes());
        }
        sources.add(driver);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-encoding",
                "UTF-8",
                "-nowarn",
                "-proc:none"));
        sources.forEach(p -> args.add(p.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertEquals(0, rc, "the generated client and the driver compile:\n" + errors.toString(StandardCharsets.UTF_8));

        Map<String, String> tokens = Map.of(
                "wage:admin", platform.token("gen-client-wage", "630000", "wage:admin"),
                "dibao:clerk", platform.token("gen-client-dibao", "630123", "dibao:clerk"),
                "enterprise-cost:reviewer", platform.token("gen-client-ec", "630000", "enterprise-cost:reviewer"),
                "health:auditor", platform.token("gen-client-health", "630000", "health:auditor"),
                "retail:commerce-officer", platform.token("gen-client-retail", "630000", "retail:commerce-officer"),
                "broadband:admin", platform.token("gen-client-broadband", "630000", "broadband:admin"),
                "hotline:operator", platform.token("gen-client-hotline", "630100", "hotline:operator"));
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            List<String> failures = (List<String>) loader.loadClass("cn.gov.qinghai.client.check.ClientDriver")
                    .getMethod("run", String.class, Map.class)
                    .invoke(null, platform.url(""), tokens);
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
