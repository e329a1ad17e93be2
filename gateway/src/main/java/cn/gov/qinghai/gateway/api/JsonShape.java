package cn.gov.qinghai.gateway.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a JSON body against the shape of the gRPC request it becomes, before conversion, and names every bad field
 * with its path ({@code records[3].employment}): unknown fields, objects where values belong, values that are not
 * strings/numbers/booleans as the contract says, unknown enum names, out-of-range integers. Protobuf's own JSON
 * parser stops at the first problem and does not say where; clients deserve the whole list.
 */
final class JsonShape {

    private static final int MAX_DEPTH = 32;

    private JsonShape() {}

    static List<Problem.InvalidField> check(JsonElement root, Descriptor type) {
        List<Problem.InvalidField> out = new ArrayList<>();
        if (!root.isJsonObject()) {
            out.add(new Problem.InvalidField("body", "must be a JSON object"));
            return out;
        }
        object(root.getAsJsonObject(), type, "", out, 0);
        return out;
    }

    private static void object(
            JsonObject json, Descriptor type, String prefix, List<Problem.InvalidField> out, int depth) {
        if (depth > MAX_DEPTH) {
            out.add(new Problem.InvalidField(prefix.isEmpty() ? "body" : strip(prefix), "is nested too deeply"));
            return;
        }
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            String path = prefix + e.getKey();
            FieldDescriptor field = find(type, e.getKey());
            if (field == null) {
                out.add(new Problem.InvalidField(
                        path,
                        "is not a field of this request; known fields: "
                                + type.getFields().stream()
                                        .map(FieldDescriptor::getJsonName)
                                        .collect(Collectors.joining(", "))));
                continue;
            }
            JsonElement value = e.getValue();
            if (value.isJsonNull()) {
                continue;
            }
            if (field.isMapField()) {
                if (!value.isJsonObject()) {
                    out.add(new Problem.InvalidField(path, "must be a JSON object"));
                    continue;
                }
                FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
                for (Map.Entry<String, JsonElement> entry :
                        value.getAsJsonObject().entrySet()) {
                    JsonElement v = entry.getValue();
                    String entryPath = path + "." + entry.getKey();
                    if (valueField.getJavaType() == FieldDescriptor.JavaType.STRING) {
                        // a string map (calculator inputs) takes numbers and booleans too, kept as written
                        if (!v.isJsonNull() && !isPrimitive(v)) {
                            out.add(new Problem.InvalidField(entryPath, "must be a string, number or boolean"));
                        }
                    } else if (!v.isJsonNull()) {
                        single(v, valueField, entryPath, out, depth + 1);
                    }
                }
                continue;
            }
            if (field.isRepeated()) {
                if (!value.isJsonArray()) {
                    out.add(new Problem.InvalidField(path, "must be a JSON array"));
                    continue;
                }
                JsonArray array = value.getAsJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    single(array.get(i), field, path + "[" + i + "]", out, depth);
                }
            } else {
                single(value, field, path, out, depth);
            }
        }
    }

    private static void single(
            JsonElement value, FieldDescriptor field, String path, List<Problem.InvalidField> out, int depth) {
        switch (field.getJavaType()) {
            case MESSAGE -> {
                if (field.getMessageType().getFullName().startsWith("google.protobuf.")) {
                    return; // well-known types have their own JSON forms; protobuf's parser checks them
                }
                if (!value.isJsonObject()) {
                    out.add(new Problem.InvalidField(path, "must be a JSON object"));
                } else {
                    object(value.getAsJsonObject(), field.getMessageType(), path + ".", out, depth + 1);
                }
            }
            case STRING -> {
                if (!isPrimitive(value) || value.getAsJsonPrimitive().isBoolean()) {
                    out.add(new Problem.InvalidField(path, "must be a string"));
                }
            }
            case BOOLEAN -> {
                if (!isPrimitive(value) || !value.getAsJsonPrimitive().isBoolean()) {
                    out.add(new Problem.InvalidField(path, "must be true or false"));
                }
            }
            case INT, LONG -> integer(value, field, path, out);
            case FLOAT, DOUBLE -> {
                if (!isPrimitive(value) || !value.getAsJsonPrimitive().isNumber()) {
                    out.add(new Problem.InvalidField(path, "must be a number"));
                }
            }
            case ENUM -> {
                List<String> names = field.getEnumType().getValues().stream()
                        .map(EnumValueDescriptor::getName)
                        .filter(n -> !n.endsWith("_UNSPECIFIED"))
                        .toList();
                if (!isPrimitive(value)
                        || !value.getAsJsonPrimitive().isString()
                        || field.getEnumType().findValueByName(value.getAsString()) == null) {
                    out.add(new Problem.InvalidField(path, "must be one of " + String.join(", ", names)));
                }
            }
            default -> {
                // bytes: protobuf's parser checks the base64 and reports the body
            }
        }
    }

    private static void integer(JsonElement value, FieldDescriptor field, String path, List<Problem.InvalidField> out) {
        boolean ok = false;
        if (isPrimitive(value) && !value.getAsJsonPrimitive().isBoolean()) {
            try {
                BigDecimal d = new BigDecimal(value.getAsString());
                long max = field.getJavaType() == FieldDescriptor.JavaType.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
                long min = field.getJavaType() == FieldDescriptor.JavaType.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
                ok = d.stripTrailingZeros().scale() <= 0
                        && d.compareTo(BigDecimal.valueOf(max)) <= 0
                        && d.compareTo(BigDecimal.valueOf(min)) >= 0;
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            out.add(new Problem.InvalidField(path, "must be a whole number in range"));
        }
    }

    private static boolean isPrimitive(JsonElement value) {
        return value instanceof JsonPrimitive;
    }

    private static FieldDescriptor find(Descriptor type, String name) {
        for (FieldDescriptor f : type.getFields()) {
            if (f.getJsonName().equals(name) || f.getName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static String strip(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
