package cn.gov.qinghai.gateway.rest.openapi;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON Schemas (OpenAPI 3.0) of the contracts' messages and enums, as the gateway reads and writes them: proto3
 * JSON names and types (64-bit integers as strings), decimal strings and dates with {@code pattern}/{@code format}
 * taken from the field comments, and the one reshaping the gateway does on answers: an {@code explanation} is the
 * array of its steps, with its caveats beside it in {@code caveats}.
 */
final class Schemas {

    /** What a field comment says about a string's form → its format and pattern. */
    private static final Pattern DECIMAL = Pattern.compile("(?i)decimal string|\"\\d+\\.\\d+\"");

    private static final Pattern DATE = Pattern.compile("(?i)ISO[- ]8601 date|ISO date|yyyy-MM-dd\\b|\\(ISO-8601\\)");
    private static final Pattern MONTH = Pattern.compile("yyyy-MM\\b(?!-dd)");
    private static final Pattern TIMESTAMP = Pattern.compile("(?i)RFC ?3339|timestamp");
    private static final Pattern REQUIRED = Pattern.compile("\\bRequired\\b");

    private final Contracts contracts;
    private final Set<String> responseOnly;

    Schemas(Contracts contracts, Set<String> responseOnly) {
        this.contracts = contracts;
        this.responseOnly = responseOnly;
    }

    static String name(Descriptor d) {
        return d.getFullName().replaceFirst("^qinghai\\.", "");
    }

    static String name(EnumDescriptor d) {
        return d.getFullName().replaceFirst("^qinghai\\.", "");
    }

    static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    Map<String, Object> message(Descriptor type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        putDescription(schema, contracts.comment(type), type.getName());
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        boolean answer = responseOnly.contains(type.getFullName());
        boolean ownCaveats = type.findFieldByName("caveats") != null;
        for (FieldDescriptor field : type.getFields()) {
            String comment = contracts.comment(field);
            if (isExplanation(field)) {
                Map<String, Object> steps = new LinkedHashMap<>();
                steps.put("type", "array");
                steps.put(
                        "items",
                        ref(name(field.getMessageType().findFieldByName("steps").getMessageType())));
                putDescription(
                        steps,
                        comment + " (The steps of the explanation; its caveats are in `caveats`.)",
                        field.getName());
                properties.put(field.getJsonName(), steps);
                if (!ownCaveats) {
                    properties.put(
                            "caveats",
                            Map.of(
                                    "type",
                                    "array",
                                    "items",
                                    Map.of("type", "string"),
                                    "description",
                                    "Caveats of the explanation the reader must know."));
                    if (answer) {
                        required.add("caveats");
                    }
                }
                if (answer) {
                    required.add(field.getJsonName());
                }
                continue;
            }
            Map<String, Object> property = field(field, comment);
            properties.put(field.getJsonName(), property);
            if (answer
                    ? !field.hasPresence() || field.isRepeated()
                    : REQUIRED.matcher(comment).find()) {
                required.add(field.getJsonName());
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static boolean isExplanation(FieldDescriptor field) {
        return field.getName().equals("explanation")
                && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && !field.isRepeated()
                && field.getMessageType().findFieldByName("steps") != null;
    }

    Map<String, Object> field(FieldDescriptor field, String comment) {
        Map<String, Object> schema;
        if (field.isMapField()) {
            FieldDescriptor value = field.getMessageType().findFieldByName("value");
            schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("additionalProperties", single(value, ""));
        } else if (field.isRepeated()) {
            schema = new LinkedHashMap<>();
            schema.put("type", "array");
            schema.put("items", single(field, comment));
        } else {
            schema = new LinkedHashMap<>(single(field, comment));
        }
        if (schema.containsKey("$ref")) {
            // OpenAPI 3.0 ignores siblings of $ref: wrap it to keep the field's own description
            schema = new LinkedHashMap<>(Map.of("allOf", List.of(schema)));
        }
        putDescription(schema, comment, field.getName());
        return schema;
    }

    /** The schema of one value of {@code field} (an element, for repeated fields). */
    Map<String, Object> single(FieldDescriptor field, String comment) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (field.getType()) {
            case STRING -> {
                s.put("type", "string");
                // A standard format only where the value is always present (the comment says Required): answers
                // print absent dates and amounts as "", which a typed client could not parse as a date.
                boolean always = REQUIRED.matcher(comment).find();
                if (DECIMAL.matcher(comment).find()) {
                    if (always) {
                        s.put("format", "decimal"); // typed clients map it to an exact decimal (BigDecimal)
                    }
                    s.put("pattern", always ? "^-?[0-9]+(\\.[0-9]+)?$" : "^(-?[0-9]+(\\.[0-9]+)?)?$");
                } else if (TIMESTAMP.matcher(comment).find()) {
                    if (always) {
                        s.put("format", "date-time");
                    }
                } else if (MONTH.matcher(comment).find()
                        && !DATE.matcher(comment).find()) {
                    s.put("pattern", always ? "^[0-9]{4}-(0[1-9]|1[0-2])$" : "^([0-9]{4}-(0[1-9]|1[0-2]))?$");
                } else if (DATE.matcher(comment).find()) {
                    if (always) {
                        s.put("format", "date");
                    } else {
                        s.put("pattern", "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$");
                    }
                }
            }
            case INT32, SINT32, SFIXED32 -> {
                s.put("type", "integer");
                s.put("format", "int32");
            }
            case UINT32, FIXED32 -> {
                s.put("type", "integer");
                s.put("format", "int64");
                s.put("minimum", 0);
            }
            case INT64, SINT64, SFIXED64, UINT64, FIXED64 -> {
                s.put("type", "string"); // proto3 JSON writes 64-bit integers as strings (and reads both)
                s.put("format", "int64");
                s.put("pattern", "^-?[0-9]+$");
            }
            case BOOL -> s.put("type", "boolean");
            case DOUBLE -> {
                s.put("type", "number");
                s.put("format", "double");
            }
            case FLOAT -> {
                s.put("type", "number");
                s.put("format", "float");
            }
            case BYTES -> {
                s.put("type", "string");
                s.put("format", "byte");
            }
            case ENUM -> s.putAll(ref(name(field.getEnumType())));
            case MESSAGE, GROUP -> s.putAll(wellKnownOrRef(field.getMessageType()));
            default -> throw new IllegalStateException("unhandled type " + field.getType());
        }
        return s;
    }

    private static Map<String, Object> wellKnownOrRef(Descriptor type) {
        return switch (type.getFullName()) {
            case "google.protobuf.Value" -> Map.of("description", "Any JSON value.");
            case "google.protobuf.Struct" -> Map.of("type", "object", "additionalProperties", true);
            case "google.protobuf.ListValue" -> Map.of("type", "array", "items", Map.of());
            case "google.protobuf.Timestamp" -> Map.of("type", "string", "format", "date-time");
            case "google.protobuf.Duration" -> Map.of("type", "string", "pattern", "^-?[0-9]+(\\.[0-9]+)?s$");
            case "google.protobuf.Empty" -> Map.of("type", "object");
            case "google.protobuf.StringValue" -> Map.of("type", "string", "nullable", true);
            case "google.protobuf.BoolValue" -> Map.of("type", "boolean", "nullable", true);
            case "google.protobuf.Int32Value" -> Map.of("type", "integer", "format", "int32", "nullable", true);
            case "google.protobuf.DoubleValue" -> Map.of("type", "number", "format", "double", "nullable", true);
            default -> ref(name(type));
        };
    }

    Map<String, Object> enumeration(EnumDescriptor type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        List<String> values = new ArrayList<>();
        StringBuilder doc = new StringBuilder(contracts.comment(type));
        for (EnumValueDescriptor value : type.getValues()) {
            values.add(value.getName());
            String c = contracts.comment(value);
            doc.append(doc.length() > 0 ? "\n\n" : "")
                    .append("- `")
                    .append(value.getName())
                    .append('`')
                    .append(c.isEmpty() ? "" : ": " + c);
        }
        schema.put("enum", values);
        putDescription(schema, doc.toString(), type.getName());
        return schema;
    }

    private static void putDescription(Map<String, Object> schema, String comment, String fallback) {
        if (!comment.isBlank()) {
            schema.put("description", comment);
        } else {
            schema.put("description", fallback.replace('_', ' ') + ".");
        }
    }
}
