package cn.gov.qinghai.gateway.rest.openapi;

import cn.gov.qinghai.api.v1.Access;
import cn.gov.qinghai.api.v1.AccessProto;
import cn.gov.qinghai.gateway.rest.HandWritten;
import cn.gov.qinghai.gateway.rest.PathTemplate;
import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Generates the department API's OpenAPI 3.0 document at build time from the compiled contracts: one operation per
 * {@code google.api.http} binding, a component schema for every message and enum of the platform, descriptions from
 * the proto comments, per-operation security from {@code qinghai.api.v1.access}, problem+json error responses.
 * The gateway serves the result with Swagger UI. Run by Maven ({@code process-classes}, gateway/pom.xml):
 * {@code OpenApiGenerator <output.yml> [<annotation-generated.yml>]}; paths of hand-written routes found in the
 * second (micronaut-openapi's document from controller annotations) are kept.
 */
public final class OpenApiGenerator {

    static final String PROBLEM = "Problem";
    private static final Map<Integer, String> ERRORS = new TreeMap<>(Map.of(
            400,
            "BadRequest",
            401,
            "Unauthorized",
            403,
            "Forbidden",
            404,
            "NotFound",
            409,
            "Conflict",
            413,
            "PayloadTooLarge",
            429,
            "TooManyRequests",
            503,
            "ServiceUnavailable",
            504,
            "GatewayTimeout"));

    private final Contracts contracts;
    private final Schemas schemas;

    OpenApiGenerator(Contracts contracts) {
        this.contracts = contracts;
        this.schemas = new Schemas(contracts, responseOnly(contracts));
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Map<String, Object> document = new OpenApiGenerator(Contracts.load()).document();
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            keepHandWrittenPaths(document, Path.of(args[1]));
        }
        Files.createDirectories(out.getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            yaml().dump(stable(document), w);
        }
    }

    /**
     * The same document with a stable key order, so every build writes the same file: maps built in order
     * (LinkedHashMap, TreeMap) keep it, the small immutable ones ({@code Map.of}, whose order changes from one JVM
     * to the next) are sorted by key.
     */
    static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = map instanceof LinkedHashMap<?, ?> || map instanceof TreeMap<?, ?>
                    ? new LinkedHashMap<>()
                    : new TreeMap<>();
            map.forEach((k, v) -> out.put(k, stable(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OpenApiGenerator::stable).toList();
        }
        return value;
    }

    static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setDereferenceAliases(true); // shared schema objects are written out, never as YAML anchors
        LoaderOptions loading = new LoaderOptions();
        loading.setMaxAliasesForCollections(10_000); // micronaut-openapi's document may use anchors
        return new Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(loading),
                new org.yaml.snakeyaml.representer.Representer(options),
                options,
                loading);
    }

    @SuppressWarnings("unchecked")
    private static void keepHandWrittenPaths(Map<String, Object> document, Path annotated) throws IOException {
        Map<String, Object> other = yaml().load(Files.readString(annotated));
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> otherPaths = other == null ? null : (Map<String, Object>) other.get("paths");
        if (otherPaths == null) {
            return;
        }
        java.util.Set<String> shapes = new java.util.HashSet<>();
        paths.keySet().forEach(p -> shapes.add(p.replaceAll("\\{[^}]*}", "{}")));
        otherPaths.forEach((path, item) -> {
            // x-qinghai-rpc marks what this generator wrote (an incremental build may hand it its own output)
            boolean generated = item instanceof Map<?, ?> ops
                    && ops.values().stream()
                            .anyMatch(op -> op instanceof Map<?, ?> m && m.containsKey("x-qinghai-rpc"));
            // a hand-written route is kept unless a binding already documents it (under its field's name)
            if (path.startsWith("/api/") && !shapes.contains(path.replaceAll("\\{[^}]*}", "{}")) && !generated) {
                for (Object op : ((Map<String, Object>) item).values()) {
                    if (op instanceof Map<?, ?> operation) {
                        decorateHandWritten((Map<String, Object>) operation);
                    }
                }
                paths.put(path, item);
            }
        });
    }

    /** Hand-written operations get the same error responses, tags and a security entry as generated ones. */
    @SuppressWarnings("unchecked")
    private static void decorateHandWritten(Map<String, Object> operation) {
        Map<String, Object> responses =
                (Map<String, Object>) operation.computeIfAbsent("responses", k -> new LinkedHashMap<>());
        boolean secured = operation.containsKey("security");
        for (Map.Entry<Integer, String> e : ERRORS.entrySet()) {
            if (!secured && (e.getKey() == 401 || e.getKey() == 403)) {
                continue;
            }
            responses.putIfAbsent(String.valueOf(e.getKey()), Map.of("$ref", "#/components/responses/" + e.getValue()));
        }
        if (!secured) {
            operation.put("security", List.of());
        }
    }

    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", info());
        doc.put(
                "servers",
                List.of(Map.of(
                        "url",
                        "/",
                        "description",
                        "This gateway (the document is served by the gateway it describes)")));
        List<Map<String, Object>> tags = new ArrayList<>();
        Map<String, Object> paths = new TreeMap<>();
        for (ServiceDescriptor service : contracts.services()) {
            String tag = null;
            for (MethodDescriptor method : service.getMethods()) {
                if (!method.getOptions().hasExtension(AnnotationsProto.http)) {
                    continue;
                }
                HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
                String template = template(rule);
                tag = tag == null ? domain(template) : tag;
                String path = openApiPath(template, method.getInputType());
                @SuppressWarnings("unchecked")
                Map<String, Object> item =
                        (Map<String, Object>) paths.computeIfAbsent(path, k -> new LinkedHashMap<>());
                item.put(rule.getPatternCase().name().toLowerCase(), operation(tag, method, rule, template));
            }
            if (tag != null) {
                tags.add(Map.of(
                        "name",
                        tag,
                        "description",
                        contracts.comment(service).isEmpty() ? service.getName() : contracts.comment(service)));
            }
        }
        doc.put("tags", tags);
        doc.put("paths", paths);
        doc.put("components", components());
        return doc;
    }

    private static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Qinghai policy-domain platform: department API");
        info.put("version", "v1");
        info.put(
                "description",
                "REST/JSON for departments and the public, transcoded from the gRPC contracts "
                        + "(proto/, google.api.http bindings). Field names are the proto3 JSON names; money and rates are "
                        + "decimal strings; every error is application/problem+json (RFC 9457) naming every invalid field. "
                        + "Department routes need a bearer token (OpenID Connect); the roles that may call each route are "
                        + "listed in its description and in x-qinghai-roles; each service enforces them with the token's "
                        + "region and organisation scope.");
        info.put("license", Map.of("name", "Apache-2.0", "url", "https://www.apache.org/licenses/LICENSE-2.0"));
        info.put("contact", Map.of("name", "Qinghai policy-domain platform", "url", "https://www.qinghai.gov.cn/"));
        return info;
    }

    private Map<String, Object> operation(String tag, MethodDescriptor method, HttpRule rule, String template) {
        Access access = method.getOptions().getExtension(AccessProto.access);
        String comment = contracts.comment(method);
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(tag));
        op.put("operationId", camel(tag) + method.getName()); // e.g. enterpriseCostCalculate
        op.put("summary", summary(comment, method.getName()));
        StringBuilder description = new StringBuilder(comment);
        if (!access.getAnonymous()) {
            description
                    .append("\n\n**Roles:** ")
                    .append(
                            access.getRolesList().isEmpty()
                                    ? "any department role"
                                    : String.join(
                                            ", ",
                                            access.getRolesList().stream()
                                                    .map(r -> "`" + r + "`")
                                                    .toList()));
        }
        String handWritten = HandWritten.RPCS.get(method.getFullName());
        if (handWritten != null) {
            description
                    .append("\n\nServed by a hand-written route: ")
                    .append(handWritten)
                    .append('.');
        }
        // Idempotency belongs to writes: a read's request_id (the hotline's GetTicket) is a look-up key, not a retry
        // key
        boolean idempotent = !rule.getBody().isEmpty() && method.getInputType().findFieldByName("request_id") != null;
        if (idempotent) {
            description.append("\n\nRetries are safe: give `requestId` in the body or an `Idempotency-Key` header;"
                    + " a retry with the same key returns the first result.");
        }
        op.put("description", description.toString().strip());
        PathTemplate path = PathTemplate.parse(template);
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String variable : path.variables()) {
            FieldDescriptor field = field(method.getInputType(), variable);
            parameters.add(parameter(field, field.getJsonName(), "path", true));
        }
        if (rule.getBody().isEmpty()) {
            for (FieldDescriptor field : method.getInputType().getFields()) {
                if (path.variables().contains(field.getName())
                        || field.isMapField()
                        || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    continue;
                }
                parameters.add(parameter(
                        field,
                        field.getJsonName(),
                        "query",
                        contracts.comment(field).contains("Required")));
            }
        } else if (!rule.getBody().equals("*")) {
            for (FieldDescriptor field : method.getInputType().getFields()) {
                if (!path.variables().contains(field.getName())
                        && !field.getName().equals(rule.getBody())
                        && field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                    parameters.add(parameter(field, field.getJsonName(), "query", false));
                }
            }
        }
        if (idempotent) {
            parameters.add(Map.of(
                    "name",
                    "Idempotency-Key",
                    "in",
                    "header",
                    "required",
                    false,
                    "description",
                    "Makes a retry safe (used as requestId when the body has none).",
                    "schema",
                    Map.of("type", "string", "maxLength", 128)));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (!rule.getBody().isEmpty()) {
            op.put("requestBody", requestBody(method.getInputType(), rule.getBody(), path));
        }
        op.put(
                "responses",
                responses(method, access, handWritten != null, !rule.getBody().isEmpty()));
        op.put("security", access.getAnonymous() ? List.of() : List.of(Map.of("bearer", List.of())));
        op.put("x-qinghai-rpc", method.getFullName());
        if (!access.getAnonymous()) {
            op.put("x-qinghai-roles", access.getRolesList());
        }
        return op;
    }

    private Map<String, Object> requestBody(Descriptor input, String body, PathTemplate path) {
        Map<String, Object> schema;
        if (body.equals("*")) {
            if (path.variables().isEmpty()) {
                schema = Schemas.ref(Schemas.name(input));
            } else {
                // the path carries some fields: the body is the request without them
                Map<String, Object> full = schemas.message(input);
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) full.get("properties"));
                for (String variable : path.variables()) {
                    properties.remove(field(input, variable).getJsonName());
                }
                full.put("properties", properties);
                @SuppressWarnings("unchecked")
                List<String> required = (List<String>) full.get("required");
                if (required != null) {
                    List<String> left =
                            required.stream().filter(properties::containsKey).toList();
                    if (left.isEmpty()) {
                        full.remove("required");
                    } else {
                        full.put("required", left);
                    }
                }
                schema = full;
            }
        } else {
            FieldDescriptor field = input.findFieldByName(body);
            schema = schemas.field(field, contracts.comment(field));
            if (field.isMapField()) {
                // RequestMapper.siblings: the request's message fields may ride beside the map's entries
                List<String> siblings = input.getFields().stream()
                        .filter(f -> !f.equals(field)
                                && !f.isRepeated()
                                && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE)
                        .map(f -> "`" + f.getJsonName() + "` (" + Schemas.name(f.getMessageType()) + ")")
                        .toList();
                if (!siblings.isEmpty()) {
                    Map<String, Object> described = new LinkedHashMap<>(schema);
                    described.put(
                            "description",
                            schema.getOrDefault("description", "") + " Beside the entries the " + "body may carry "
                                    + String.join(", ", siblings) + " as a JSON object of that schema.");
                    schema = described;
                }
            }
        }
        boolean empty =
                input.getFields().stream().allMatch(f -> path.variables().contains(f.getName()));
        return Map.of("required", !empty, "content", Map.of("application/json", Map.of("schema", schema)));
    }

    private Map<String, Object> responses(
            MethodDescriptor method, Access access, boolean handWritten, boolean hasBody) {
        Map<String, Object> responses = new LinkedHashMap<>();
        String status = access.getCreated() ? "201" : "200";
        String media = "application/json";
        Map<String, Object> schema = Schemas.ref(Schemas.name(method.getOutputType()));
        if (method.getFullName().equals("qinghai.health.v1.HealthDataService.ExportResidentFhir")) {
            media = "application/fhir+json";
            schema = Map.of("type", "object", "description", "A FHIR R4 Bundle (the fhirJson of the answer).");
        } else if (method.getFullName().equals("qinghai.retail.v1.RetailService.ExportRetailAggregates")) {
            media = "text/csv";
            schema = Map.of("type", "string", "description", "UTF-8 CSV with a header row.");
        }
        responses.put(
                status,
                Map.of(
                        "description",
                        access.getCreated() ? "Created." : "OK.",
                        "content",
                        Map.of(media, Map.of("schema", schema))));
        if (access.getCreated()
                && !(access.getCreatedIfPresent().isEmpty()
                        && access.getCreatedUnless().isEmpty())) {
            responses.put(
                    "200",
                    Map.of(
                            "description",
                            "OK: nothing was created (no `" + access.getCreatedIfPresent() + "` in the answer, or `"
                                    + access.getCreatedUnless() + "` is true).",
                            "content",
                            Map.of(media, Map.of("schema", schema))));
        }
        for (Map.Entry<Integer, String> e : ERRORS.entrySet()) {
            int code = e.getKey();
            if ((code == 401 || code == 403) && access.getAnonymous() || code == 413 && !hasBody) {
                continue;
            }
            responses.put(String.valueOf(code), Map.of("$ref", "#/components/responses/" + e.getValue()));
        }
        return responses;
    }

    private Map<String, Object> parameter(FieldDescriptor field, String name, String in, boolean required) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("required", required);
        String comment = contracts.comment(field);
        p.put("description", comment.isEmpty() ? field.getName().replace('_', ' ') + "." : comment);
        Map<String, Object> schema = new LinkedHashMap<>(schemas.field(field, comment));
        schema.remove("description");
        if (field.isRepeated()) {
            p.put("style", "form");
            p.put("explode", true);
        }
        p.put("schema", schema);
        return p;
    }

    private Map<String, Object> components() {
        Map<String, Object> components = new LinkedHashMap<>();
        Map<String, Object> all = new TreeMap<>();
        for (FileDescriptor file : contracts.platformFiles()) {
            if (file.getPackage().equals("qinghai.api.v1")) {
                continue; // the access option is read by the gateway, never sent
            }
            for (Descriptor message : file.getMessageTypes()) {
                addMessage(all, message);
            }
            for (EnumDescriptor e : file.getEnumTypes()) {
                all.put(Schemas.name(e), schemas.enumeration(e));
            }
        }
        all.put(PROBLEM, problemSchema());
        components.put("schemas", all);
        Map<String, Object> responses = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : ERRORS.entrySet()) {
            responses.put(
                    e.getValue(),
                    Map.of(
                            "description",
                            errorDescription(e.getKey()),
                            "content",
                            Map.of("application/problem+json", Map.of("schema", Schemas.ref(PROBLEM)))));
        }
        components.put("responses", responses);
        components.put(
                "securitySchemes",
                Map.of(
                        "bearer",
                        Map.of(
                                "type",
                                "http",
                                "scheme",
                                "bearer",
                                "bearerFormat",
                                "JWT",
                                "description",
                                "An OpenID Connect access token with the platform's roles, "
                                        + "region and organisation claims.")));
        return components;
    }

    private void addMessage(Map<String, Object> all, Descriptor message) {
        if (message.getOptions().getMapEntry()) {
            return;
        }
        all.put(Schemas.name(message), schemas.message(message));
        for (Descriptor nested : message.getNestedTypes()) {
            addMessage(all, nested);
        }
        for (EnumDescriptor e : message.getEnumTypes()) {
            all.put(Schemas.name(e), schemas.enumeration(e));
        }
    }

    private static String errorDescription(int code) {
        return switch (code) {
            case 400 ->
                "Bad request: every invalid field is listed in errors (JSON paths such as records[3].grossPay).";
            case 401 -> "No valid bearer token.";
            case 403 -> "The token's roles or region/organisation scope do not allow this.";
            case 404 -> "No such resource (or not visible to the caller).";
            case 409 ->
                "Conflicts with the current state (stale version, not after the newest standard, not eligible).";
            case 413 -> "The JSON body is larger than the gateway accepts.";
            case 429 -> "Too many requests: retry after the Retry-After header.";
            case 503 -> "The domain service is unavailable: retry after the Retry-After header.";
            case 504 -> "The domain service did not answer within the deadline.";
            default -> "Error.";
        };
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("type", "object");
        field.put("description", "One invalid field: its JSON path and why.");
        field.put(
                "properties",
                Map.of(
                        "field",
                        Map.of(
                                "type",
                                "string",
                                "description",
                                "JSON path of the field, query parameter or header, e.g. records[3].grossPay."),
                        "description",
                        Map.of("type", "string", "description", "What is wrong with it.")));
        field.put("required", List.of("field", "description"));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("type", Map.of("type", "string", "description", "Problem type URI (about:blank)."));
        props.put("title", Map.of("type", "string", "description", "HTTP reason phrase."));
        props.put("status", Map.of("type", "integer", "format", "int32", "description", "HTTP status code."));
        props.put("detail", Map.of("type", "string", "description", "What went wrong, for people."));
        props.put("instance", Map.of("type", "string", "description", "The request path."));
        props.put(
                "reason",
                Map.of(
                        "type",
                        "string",
                        "description",
                        "Machine-readable reason (google.rpc.ErrorInfo reason), e.g. INVALID_ARGUMENT, NOT_ELIGIBLE."));
        props.put("requestId", Map.of("type", "string", "description", "The request id to quote (X-Request-Id)."));
        props.put("errors", Map.of("type", "array", "items", field, "description", "Every invalid field."));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("description", "An RFC 9457 problem detail (application/problem+json).");
        problem.put("properties", props);
        problem.put("required", List.of("title", "status"));
        return problem;
    }

    private static Set<String> responseOnly(Contracts contracts) {
        Set<String> requests = new HashSet<>();
        Set<String> responses = new HashSet<>();
        for (ServiceDescriptor s : contracts.services()) {
            for (MethodDescriptor m : s.getMethods()) {
                reachable(m.getInputType(), requests);
                reachable(m.getOutputType(), responses);
            }
        }
        responses.removeAll(requests);
        return responses;
    }

    private static void reachable(Descriptor type, Set<String> seen) {
        if (!seen.add(type.getFullName())) {
            return;
        }
        for (FieldDescriptor f : type.getFields()) {
            if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                reachable(f.getMessageType(), seen);
            }
        }
    }

    static String template(HttpRule rule) {
        return switch (rule.getPatternCase()) {
            case GET -> rule.getGet();
            case POST -> rule.getPost();
            case PUT -> rule.getPut();
            case PATCH -> rule.getPatch();
            case DELETE -> rule.getDelete();
            default -> throw new IllegalStateException("unsupported binding " + rule);
        };
    }

    /** {@code /api/v1/dibao/cases/{case_id}} → {@code /api/v1/dibao/cases/{caseId}} (parameters by JSON name). */
    private static String openApiPath(String template, Descriptor input) {
        StringBuilder out = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            if (part.startsWith("{")) {
                String variable = part.substring(1, part.length() - 1);
                out.append('{').append(field(input, variable).getJsonName()).append('}');
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    private static FieldDescriptor field(Descriptor type, String path) {
        Descriptor current = type;
        FieldDescriptor field = null;
        for (String part : path.split("\\.")) {
            field = current.findFieldByName(part);
            current = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType() : null;
        }
        return field;
    }

    private static String domain(String template) {
        String[] parts = template.split("/");
        return parts.length > 3 ? parts[3] : template;
    }

    private static String summary(String comment, String fallback) {
        if (comment.isEmpty()) {
            return fallback;
        }
        String first = comment.split("(?<=[.。])\\s|\\n", 2)[0].strip();
        if (first.endsWith(".")) {
            first = first.substring(0, first.length() - 1);
        }
        return first.length() > 120 ? first.substring(0, 117) + "…" : first;
    }

    private static String camel(String s) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : s.toCharArray()) {
            if (c == '_' || c == '-') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }
}
