package cn.gov.qinghai.gateway.api;

import com.google.gson.stream.JsonWriter;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Writes a protobuf message straight to the JSON that {@link GrpcJson#print} promises, in one pass: protobuf's
 * canonical JSON mapping with default values printed, and the two reshapings for people done while writing (an
 * {@code explanation} becomes the array of its steps with its caveats beside it; a {@code page} becomes
 * {@code nextPageToken}/{@code totalSize} on the enclosing object).
 * <p>Why not {@link JsonFormat} plus a reshaping pass: that printed the JSON, parsed it back into a Gson tree,
 * reshaped the tree and printed it again — three passes and a tree of objects for every response, the largest cost
 * the gateway added to a look-up (docs/performance.md). Output is checked against that pipeline, message type by
 * message type, in {@code ProtoJsonWriterTest}. Well-known types ({@code google.protobuf.*}, which have special JSON
 * forms) are still printed by {@link JsonFormat}.
 */
final class ProtoJsonWriter {

    private static final JsonFormat.Printer WELL_KNOWN =
            JsonFormat.printer().includingDefaultValueFields().omittingInsignificantWhitespace();

    private ProtoJsonWriter() {}

    static String write(MessageOrBuilder message) {
        StringWriter out = new StringWriter(256);
        try (JsonWriter json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            json.setSerializeNulls(false);
            writeMessage(json, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeMessage(JsonWriter json, MessageOrBuilder message) throws IOException {
        Descriptor type = message.getDescriptorForType();
        if (isWellKnown(type)) {
            json.jsonValue(printWellKnown(message));
            return;
        }
        json.beginObject();
        boolean ownCaveats = type.findFieldByName("caveats") != null;
        List<?> caveats = null;
        MessageOrBuilder page = null;
        for (FieldDescriptor field : type.getFields()) {
            if (!isPrinted(message, field)) {
                continue;
            }
            Object value = message.getField(field);
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()) {
                MessageOrBuilder child = (MessageOrBuilder) value;
                if (isExplanation(field, child)) {
                    Descriptor explanation = child.getDescriptorForType();
                    FieldDescriptor steps = explanation.findFieldByName("steps");
                    json.name(field.getJsonName());
                    writeValue(json, steps, child.getField(steps));
                    FieldDescriptor caveatsField = explanation.findFieldByName("caveats");
                    caveats = caveatsField == null ? List.of() : (List<?>) child.getField(caveatsField);
                    continue;
                }
                if (isPage(field, child)) {
                    page = child;
                    continue;
                }
            }
            json.name(field.getJsonName());
            writeValue(json, field, value);
        }
        if (caveats != null && !ownCaveats) {
            json.name("caveats");
            json.beginArray();
            for (Object caveat : caveats) {
                json.value((String) caveat);
            }
            json.endArray();
        }
        if (page != null) {
            for (FieldDescriptor field : page.getDescriptorForType().getFields()) {
                if (isPrinted(page, field)) {
                    json.name(field.getJsonName());
                    writeValue(json, field, page.getField(field));
                }
            }
        }
        json.endObject();
    }

    /**
     * Which fields the canonical mapping prints when default values are included: every field without presence
     * (scalars, repeated, maps) always; a field with presence (message, oneof member, proto3 {@code optional}) only
     * when set.
     */
    private static boolean isPrinted(MessageOrBuilder message, FieldDescriptor field) {
        return field.isRepeated() || !field.hasPresence() || message.hasField(field);
    }

    private static boolean isExplanation(FieldDescriptor field, MessageOrBuilder child) {
        FieldDescriptor steps = child.getDescriptorForType().findFieldByName("steps");
        return field.getName().equals("explanation") && steps != null && steps.isRepeated();
    }

    private static boolean isPage(FieldDescriptor field, MessageOrBuilder child) {
        return field.getName().equals("page")
                && child.getDescriptorForType().findFieldByName("next_page_token") != null;
    }

    private static void writeValue(JsonWriter json, FieldDescriptor field, Object value) throws IOException {
        if (field.isMapField()) {
            writeMap(json, field, (List<?>) value);
        } else if (field.isRepeated()) {
            json.beginArray();
            for (Object element : (List<?>) value) {
                writeSingle(json, field, element);
            }
            json.endArray();
        } else {
            writeSingle(json, field, value);
        }
    }

    private static void writeMap(JsonWriter json, FieldDescriptor field, List<?> entries) throws IOException {
        FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
        json.beginObject();
        for (Object entry : entries) {
            Object key;
            Object value;
            if (entry instanceof MapEntry<?, ?> mapEntry) {
                key = mapEntry.getKey();
                value = mapEntry.getValue();
            } else {
                Message message = (Message) entry;
                key = message.getField(field.getMessageType().findFieldByName("key"));
                value = message.getField(valueField);
            }
            json.name(String.valueOf(key));
            writeSingle(json, valueField, value);
        }
        json.endObject();
    }

    private static void writeSingle(JsonWriter json, FieldDescriptor field, Object value) throws IOException {
        switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> json.value(((Integer) value).longValue());
            case UINT32, FIXED32 -> json.value(Integer.toUnsignedLong((Integer) value));
            case INT64, SINT64, SFIXED64 -> json.value(value.toString());
            case UINT64, FIXED64 -> json.value(Long.toUnsignedString((Long) value));
            case BOOL -> json.value((Boolean) value);
            case FLOAT -> writeFloating(json, ((Float) value).doubleValue(), Float.toString((Float) value));
            case DOUBLE -> writeFloating(json, (Double) value, Double.toString((Double) value));
            case STRING -> json.value((String) value);
            case BYTES -> json.value(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case ENUM -> writeEnum(json, (EnumValueDescriptor) value);
            case MESSAGE, GROUP -> writeMessage(json, (MessageOrBuilder) value);
            default -> throw new IllegalStateException("unhandled field type " + field.getType());
        }
    }

    private static void writeFloating(JsonWriter json, double value, String text) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.value(text); // the canonical mapping quotes "NaN", "Infinity", "-Infinity"
        } else {
            json.jsonValue(text);
        }
    }

    private static void writeEnum(JsonWriter json, EnumValueDescriptor value) throws IOException {
        if (value.getType().getFullName().equals("google.protobuf.NullValue")) {
            json.jsonValue("null");
        } else if (value.getIndex() == -1) {
            json.value(value.getNumber()); // a number this build does not know: printed as the number
        } else {
            json.value(value.getName());
        }
    }

    private static boolean isWellKnown(Descriptor type) {
        return type.getFile().getPackage().equals("google.protobuf");
    }

    private static String printWellKnown(MessageOrBuilder message) {
        try {
            return WELL_KNOWN.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(
                    "cannot print " + message.getDescriptorForType().getFullName(), e);
        }
    }
}
