package cn.gov.qinghai.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates rendered objects against the Kubernetes API schema of the chart's target version, offline: the models of
 * {@code io.kubernetes:client-java-api} 24.0.0 are generated from the OpenAPI spec of Kubernetes 1.32, and each
 * model's {@code validateJsonElement} rejects a field the spec does not define, a missing required field and a
 * value of the wrong JSON type, recursively. Kinds served by an operator's CRD (CloudNativePG {@code Cluster}) have
 * no schema here and are reported as such, never passed silently.
 */
final class KubernetesSchema {

    /** Target Kubernetes version of the schemas (client-java 24.0.0). */
    static final String KUBERNETES_VERSION = "1.32";

    /** API groups whose kinds come from an operator's CRD: checked by the chart tests, not by this schema. */
    static final Set<String> CRD_GROUPS = Set.of("postgresql.cnpg.io");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private KubernetesSchema() {}

    /** One rendered object's verdict: its kind/name and the schema's complaint (empty when valid). */
    record Finding(String object, String problem) {}

    /** Every problem of every document of a multi-document YAML; objects of {@link #CRD_GROUPS} are skipped. */
    static List<Finding> validate(String multiDocumentYaml) {
        List<Finding> findings = new ArrayList<>();
        for (String doc : DOCUMENT_SEPARATOR.split(multiDocumentYaml)) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                continue;
            }
            Object tree;
            try {
                tree = YAML.readValue(doc, Object.class);
            } catch (IOException e) {
                findings.add(new Finding("?", "not YAML: " + e.getMessage()));
                continue;
            }
            if (!(tree instanceof Map<?, ?> object)) {
                continue;
            }
            String apiVersion = String.valueOf(object.get("apiVersion"));
            String kind = String.valueOf(object.get("kind"));
            Object metadata = object.get("metadata");
            String name = kind + "/" + (metadata instanceof Map<?, ?> m ? m.get("name") : "?");
            if (CRD_GROUPS.contains(group(apiVersion))) {
                continue;
            }
            String problem = problemOf(apiVersion, kind, tree);
            if (problem != null) {
                findings.add(new Finding(name, problem));
            }
        }
        return findings;
    }

    /** The schema's complaint about one object, or null when it is valid. */
    static String problemOf(String apiVersion, String kind, Object tree) {
        Class<?> model;
        try {
            model = Class.forName("io.kubernetes.client.openapi.models." + modelName(apiVersion, kind));
        } catch (ClassNotFoundException e) {
            return "no " + apiVersion + " " + kind + " in the Kubernetes " + KUBERNETES_VERSION + " API";
        }
        try {
            JsonElement json = JsonParser.parseString(JSON.writeValueAsString(tree));
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
            return null;
        } catch (InvocationTargetException e) {
            String message = String.valueOf(e.getCause().getMessage());
            // The generated messages end with the whole JSON: keep the sentence that names the field.
            int json = message.indexOf(" JSON: ");
            return json > 0 ? message.substring(0, json) : message;
        } catch (IOException | ReflectiveOperationException e) {
            return "cannot validate: " + e;
        }
    }

    /** apps/v1 Deployment → V1Deployment; autoscaling/v2 HorizontalPodAutoscaler → V2HorizontalPodAutoscaler. */
    static String modelName(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
