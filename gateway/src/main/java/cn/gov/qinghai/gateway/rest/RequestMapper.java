package cn.gov.qinghai.gateway.rest;

import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a request message from a REST call as {@code google.api.http} defines it (AIP-127): path variables set
 * the fields they name; the body is the whole request ({@code body: "*"}) or one field of it; every other field may
 * come from the query string, by its JSON name ({@code pageSize}) or proto name ({@code page_size}), nested fields
 * with dots. A repeated field takes repeated parameters or one comma-separated value; an enum takes its value name
 * (any letter case). Every problem is collected and reported at once, each with the name the client used.
 */
@Singleton
public class RequestMapper {

    private final GrpcJson json;

    public RequestMapper(GrpcJson json) {
        this.json = json;
    }

    public Message build(
            RestRoute route,
            Map<String, String> pathVariables,
            Map<String, List<String>> query,
            String body,
            String idempotencyKey) {
        Message.Builder builder = route.prototype().newBuilderForType();
        List<Problem.InvalidField> errors = new ArrayList<>();
        if (route.hasBody()) {
            body(route, body, builder, errors);
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            query(route, parameter.getKey(), parameter.getValue(), builder, errors);
        }
        for (Map.Entry<String, String> variable : pathVariables.entrySet()) {
            FieldDescriptor field = field(builder.getDescriptorForType(), variable.getKey());
            setScalar(
                    builder,
                    variable.getKey(),
                    field,
                    List.of(variable.getValue()),
                    jsonPath(variable.getKey(), builder.getDescriptorForType()),
                    errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        FieldDescriptor requestId = builder.getDescriptorForType().findFieldByName("request_id");
        if (idempotencyKey != null
                && route.hasBody()
                && requestId != null
                && requestId.getType() == FieldDescriptor.Type.STRING) {
            json.withIdempotencyKey(builder, idempotencyKey);
        }
        return builder.build();
    }

    private void body(RestRoute route, String body, Message.Builder builder, List<Problem.InvalidField> errors) {
        boolean blank = body == null || body.isBlank();
        try {
            if (route.bodyIsWholeRequest()) {
                if (blank && onlyPathFields(route)) {
                    return; // nothing to send (e.g. POST /audit/verification): an empty body is the empty request
                }
                json.parse(body, builder);
            } else {
                FieldDescriptor field = builder.getDescriptorForType().findFieldByName(route.body());
                String prefix = field.getJsonName();
                if (field.isMapField() && !blank) {
                    body = siblings(body, field, builder, errors);
                }
                String wrapped = "{\"" + prefix + "\":" + (blank ? "{}" : body) + "}";
                try {
                    json.checkSyntax(blank ? "{}" : body);
                    json.parse(wrapped, builder);
                } catch (ProblemException e) {
                    // the body is the field: name problems by their path inside the body, as the client sent it
                    for (Problem.InvalidField f : e.errors()) {
                        String name = f.field().equals(prefix)
                                ? "body"
                                : f.field().startsWith(prefix + ".")
                                        ? f.field().substring(prefix.length() + 1)
                                        : f.field();
                        errors.add(new Problem.InvalidField(name, f.description()));
                    }
                }
            }
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
    }

    /**
     * A body bound to a map field (the calculators' flat inputs) may also carry the request's message-typed fields
     * by their JSON name beside the entries (e.g. {@code "reform"}): those members set their field, the rest are the
     * map's entries. Returns the body without them.
     */
    private String siblings(
            String body, FieldDescriptor mapField, Message.Builder builder, List<Problem.InvalidField> errors) {
        com.google.gson.JsonElement tree;
        try {
            tree = com.google.gson.JsonParser.parseString(body);
        } catch (com.google.gson.JsonParseException e) {
            return body; // the map's own parser names the problem
        }
        if (!tree.isJsonObject()) {
            return body;
        }
        com.google.gson.JsonObject object = tree.getAsJsonObject().deepCopy();
        boolean changed = false;
        for (FieldDescriptor sibling : builder.getDescriptorForType().getFields()) {
            if (sibling.equals(mapField)
                    || sibling.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                    || sibling.isRepeated()
                    || !object.has(sibling.getJsonName())) {
                continue;
            }
            com.google.gson.JsonObject wrapped = new com.google.gson.JsonObject();
            wrapped.add(sibling.getJsonName(), object.remove(sibling.getJsonName()));
            changed = true;
            try {
                json.parse(wrapped.toString(), builder);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        return changed ? object.toString() : body;
    }

    private static boolean onlyPathFields(RestRoute route) {
        return route.descriptor().getInputType().getFields().stream()
                .allMatch(f -> route.path().variables().contains(f.getName()));
    }

    private static void query(
            RestRoute route,
            String name,
            List<String> values,
            Message.Builder builder,
            List<Problem.InvalidField> errors) {
        Descriptor type = builder.getDescriptorForType();
        FieldDescriptor field = field(type, name);
        String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        FieldDescriptor topField = field(type, top);
        boolean fromBody = route.bodyIsWholeRequest()
                || (topField != null && topField.getName().equals(route.body()));
        if (field == null || fromBody || route.path().variables().contains(field.getName())) {
            errors.add(new Problem.InvalidField(
                    name,
                    "is not a query parameter of this route; "
                            + (route.bodyIsWholeRequest()
                                    ? "send the request as a JSON body"
                                    : "known: " + queryable(route))));
            return;
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE || field.isMapField()) {
            errors.add(new Problem.InvalidField(name, "is an object; it cannot be given in the query"));
            return;
        }
        setScalar(builder, name, field, values, name, errors);
    }

    private static String queryable(RestRoute route) {
        return route.descriptor().getInputType().getFields().stream()
                .filter(f -> f.getJavaType() != FieldDescriptor.JavaType.MESSAGE)
                .filter(f -> !route.path().variables().contains(f.getName()))
                .map(FieldDescriptor::getJsonName)
                .collect(Collectors.joining(", "));
    }

    /** Sets the (possibly nested) field at {@code path} from text values; problems are named {@code label}. */
    private static void setScalar(
            Message.Builder root,
            String path,
            FieldDescriptor field,
            List<String> values,
            String label,
            List<Problem.InvalidField> errors) {
        Message.Builder target = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            FieldDescriptor parent = field(target.getDescriptorForType(), parts[i]);
            target = target.getFieldBuilder(parent);
        }
        List<String> items = new ArrayList<>();
        for (String value : values) {
            if (field.isRepeated()) {
                for (String item : value.split(",", -1)) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            } else {
                items.add(value);
            }
        }
        if (!field.isRepeated() && items.size() > 1) {
            errors.add(new Problem.InvalidField(label, "is given more than once"));
            return;
        }
        for (String item : items) {
            Object value = convert(field, item, label, errors);
            if (value == null) {
                continue;
            }
            if (field.isRepeated()) {
                target.addRepeatedField(field, value);
            } else {
                target.setField(field, value);
            }
        }
    }

    private static Object convert(FieldDescriptor field, String text, String label, List<Problem.InvalidField> errors) {
        try {
            return switch (field.getType()) {
                case STRING -> text;
                case INT32, SINT32, SFIXED32 -> Integer.parseInt(text);
                case UINT32, FIXED32 -> Integer.parseUnsignedInt(text);
                case INT64, SINT64, SFIXED64 -> Long.parseLong(text);
                case UINT64, FIXED64 -> Long.parseUnsignedLong(text);
                case BOOL ->
                    switch (text) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> throw new NumberFormatException();
                    };
                case DOUBLE -> finite(Double.parseDouble(text));
                case FLOAT -> (float) finite(Float.parseFloat(text));
                case BYTES -> ByteString.copyFrom(Base64.getUrlDecoder().decode(text));
                case ENUM -> enumValue(field, text);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            errors.add(new Problem.InvalidField(label, "must be " + expected(field)));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.InvalidField(label, "must be " + expected(field)));
        }
        return null;
    }

    private static double finite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberFormatException();
        }
        return value;
    }

    private static EnumValueDescriptor enumValue(FieldDescriptor field, String text) {
        EnumValueDescriptor value = field.getEnumType().findValueByName(text.toUpperCase(Locale.ROOT));
        if (value == null || value.getNumber() == 0 && value.getName().endsWith("_UNSPECIFIED")) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static String expected(FieldDescriptor field) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> "a whole number from -2147483648 to 2147483647";
            case UINT32, FIXED32 -> "a whole number from 0 to 4294967295";
            case INT64, SINT64, SFIXED64 -> "a whole number from -9223372036854775808 to 9223372036854775807";
            case UINT64, FIXED64 -> "a whole number from 0 to 18446744073709551615";
            case BOOL -> "true or false";
            case DOUBLE, FLOAT -> "a finite number";
            case BYTES -> "base64url text";
            case ENUM ->
                "one of "
                        + field.getEnumType().getValues().stream()
                                .filter(v -> !(v.getNumber() == 0 && v.getName().endsWith("_UNSPECIFIED")))
                                .map(EnumValueDescriptor::getName)
                                .collect(Collectors.joining(", "));
            default -> "text";
        };
    }

    /** The field at a dotted path of proto or JSON names, or null. */
    static FieldDescriptor field(Descriptor type, String path) {
        Descriptor current = type;
        FieldDescriptor field = null;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            field = current.findFieldByName(part);
            if (field == null) {
                for (FieldDescriptor f : current.getFields()) {
                    if (f.getJsonName().equals(part)) {
                        field = f;
                    }
                }
            }
            if (field == null) {
                return null;
            }
            current = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
                    ? field.getMessageType()
                    : null;
        }
        return field;
    }

    /** The JSON path of a proto field path, as problems name fields ({@code case_id} → {@code caseId}). */
    static String jsonPath(String path, Descriptor type) {
        StringBuilder out = new StringBuilder();
        Descriptor current = type;
        for (String part : path.split("\\.")) {
            FieldDescriptor f = current == null ? null : current.findFieldByName(part);
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(f == null ? part : f.getJsonName());
            current = f != null && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? f.getMessageType() : null;
        }
        return out.toString();
    }
}
