package cn.gov.qinghai.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.broadband.v1.BroadbandServiceProto;
import cn.gov.qinghai.common.v1.CommonProto;
import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.common.v1.ExplanationStep;
import cn.gov.qinghai.dibao.v1.DibaoServiceProto;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceProto;
import cn.gov.qinghai.health.v1.HealthDataProto;
import cn.gov.qinghai.retail.v1.RetailServiceProto;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.WageServiceProto;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ProtoJsonWriter} must write exactly what the gateway wrote before it existed: protobuf's JsonFormat with
 * default values, parsed into a tree and reshaped (explanation → steps + caveats, page → nextPageToken/totalSize).
 * Checked for every message type of every service, empty and filled in, with the real generated classes.
 */
class ProtoJsonWriterTest {

    private static final List<FileDescriptor> FILES = List.of(
            CommonProto.getDescriptor(),
            WageServiceProto.getDescriptor(),
            DibaoServiceProto.getDescriptor(),
            EnterpriseCostServiceProto.getDescriptor(),
            RetailServiceProto.getDescriptor(),
            HealthDataProto.getDescriptor(),
            BroadbandServiceProto.getDescriptor());

    static Stream<String> messageTypes() {
        List<String> names = new ArrayList<>();
        for (FileDescriptor file : FILES) {
            file.getMessageTypes().forEach(type -> collect(type, names));
        }
        return names.stream();
    }

    private static void collect(Descriptor type, List<String> names) {
        if (!type.getOptions().getMapEntry()) {
            names.add(type.getFullName());
            type.getNestedTypes().forEach(nested -> collect(nested, names));
        }
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void writesWhatThePrintParseReshapePipelineWrote(String fullName) throws Exception {
        Message empty = defaultInstance(fullName);
        assertSameJson(empty);
        Message.Builder filled = empty.newBuilderForType();
        fill(filled, 0);
        assertSameJson(filled.build());
        Message.Builder otherOneofs = empty.newBuilderForType();
        fill(otherOneofs, 1);
        assertSameJson(otherOneofs.build());
    }

    @Test
    void anExplanationBecomesItsStepsWithTheCaveatsBeside() {
        MinimumWage response = MinimumWage.newBuilder()
                .setMonthly("1500.00")
                .setExplanation(Explanation.newBuilder()
                        .addSteps(ExplanationStep.newBuilder()
                                .setTitle("<tier> \"三类\"")
                                .setResult("1500"))
                        .addCaveats("start date unknown"))
                .build();
        JsonObject json =
                JsonParser.parseString(ProtoJsonWriter.write(response)).getAsJsonObject();
        assertTrue(json.get("explanation").isJsonArray(), json.toString());
        assertEquals(
                "<tier> \"三类\"",
                json.getAsJsonArray("explanation")
                        .get(0)
                        .getAsJsonObject()
                        .get("title")
                        .getAsString());
        assertEquals("start date unknown", json.getAsJsonArray("caveats").get(0).getAsString());
    }

    private static void assertSameJson(Message message) throws Exception {
        JsonElement expected = legacy(message);
        JsonElement actual = JsonParser.parseString(ProtoJsonWriter.write(message));
        assertEquals(expected, actual, message.getDescriptorForType().getFullName() + "\n" + message);
    }

    /** The pipeline the writer replaced, kept here as the specification. */
    private static JsonElement legacy(Message message) throws Exception {
        JsonElement tree = JsonParser.parseString(JsonFormat.printer()
                .includingDefaultValueFields()
                .omittingInsignificantWhitespace()
                .print(message));
        reshape(tree);
        return tree;
    }

    private static void reshape(JsonElement element) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(ProtoJsonWriterTest::reshape);
            return;
        }
        if (!element.isJsonObject()) {
            return;
        }
        JsonObject object = element.getAsJsonObject();
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            reshape(e.getValue());
        }
        JsonElement explanation = object.get("explanation");
        if (explanation != null
                && explanation.isJsonObject()
                && explanation.getAsJsonObject().has("steps")) {
            JsonObject x = explanation.getAsJsonObject();
            object.add("explanation", x.get("steps"));
            JsonArray caveats = x.has("caveats") ? x.getAsJsonArray("caveats") : new JsonArray();
            if (!object.has("caveats")) {
                object.add("caveats", caveats);
            }
        }
        JsonElement page = object.get("page");
        if (page != null && page.isJsonObject() && page.getAsJsonObject().has("nextPageToken")) {
            object.remove("page");
            page.getAsJsonObject().entrySet().forEach(p -> object.add(p.getKey(), p.getValue()));
        }
    }

    private static Message defaultInstance(String fullName) throws Exception {
        for (FileDescriptor file : FILES) {
            Descriptor type = find(file, fullName);
            if (type != null) {
                String javaPackage = file.getOptions().getJavaPackage();
                String nested =
                        fullName.substring(file.getPackage().length() + 1).replace('.', '$');
                Class<?> generated = Class.forName(javaPackage + "." + nested);
                return (Message) generated.getMethod("getDefaultInstance").invoke(null);
            }
        }
        throw new IllegalArgumentException(fullName);
    }

    private static Descriptor find(FileDescriptor file, String fullName) {
        for (Descriptor type : file.getMessageTypes()) {
            Descriptor found = find(type, fullName);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Descriptor find(Descriptor type, String fullName) {
        if (type.getFullName().equals(fullName)) {
            return type;
        }
        for (Descriptor nested : type.getNestedTypes()) {
            Descriptor found = find(nested, fullName);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Sets every field (two elements for repeated and map fields); variant picks which member of each oneof. */
    private static void fill(Message.Builder builder, int variant) {
        fill(builder, variant, 0);
    }

    private static void fill(Message.Builder builder, int variant, int depth) {
        Descriptor type = builder.getDescriptorForType();
        for (FieldDescriptor field : type.getFields()) {
            OneofDescriptor oneof = field.getRealContainingOneof();
            if (oneof != null && oneof.getField(variant % oneof.getFieldCount()) != field) {
                continue;
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth >= 4) {
                continue;
            }
            if (field.isRepeated()) {
                for (int i = 0; i < 2; i++) {
                    builder.addRepeatedField(field, sample(builder, field, i, variant, depth));
                }
            } else {
                builder.setField(field, sample(builder, field, 1, variant, depth));
            }
        }
    }

    private static Object sample(Message.Builder parent, FieldDescriptor field, int i, int variant, int depth) {
        return switch (field.getJavaType()) {
            case INT -> field.getType() == FieldDescriptor.Type.UINT32 ? -1 - i : 42 + i;
            case LONG -> 9_007_199_254_740_993L + i;
            case BOOLEAN -> i % 2 == 1;
            case FLOAT -> 1.5f + i;
            case DOUBLE -> 2.25 + i;
            case STRING -> field.isMapField() ? "k" : "值 \"" + field.getName() + "\" <&> " + i;
            case BYTE_STRING -> ByteString.copyFromUtf8("bytes" + i);
            case ENUM ->
                field.getEnumType()
                        .getValues()
                        .get(Math.min(i + 1, field.getEnumType().getValues().size() - 1));
            case MESSAGE -> {
                Message.Builder child =
                        field.isMapField() ? parent.newBuilderForField(field) : parent.newBuilderForField(field);
                if (field.isMapField()) {
                    FieldDescriptor key = field.getMessageType().findFieldByName("key");
                    child.setField(
                            key,
                            key.getJavaType() == FieldDescriptor.JavaType.STRING
                                    ? "key" + i
                                    : sample(child, key, i, variant, depth));
                    FieldDescriptor value = field.getMessageType().findFieldByName("value");
                    child.setField(value, sample(child, value, i, variant, depth + 1));
                } else if (field.getMessageType().getFile().getPackage().equals("google.protobuf")) {
                    yield com.google.protobuf.Value.newBuilder()
                            .setStringValue("wkt" + i)
                            .build();
                } else {
                    fill(child, variant, depth + 1);
                }
                yield child.build();
            }
        };
    }
}
