package cn.gov.qinghai.enterprisecost.service;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Calculator inputs stored as JSON text with sorted keys, so equal inputs give equal text (idempotency check). */
final class InputsJson {
    private InputsJson() {}

    static String write(Map<String, String> inputs) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(inputs).forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, k).append(':');
            quote(out, v);
        });
        return out.append('}').toString();
    }

    static Map<String, String> read(String json) {
        Struct.Builder struct = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(json, struct);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored inputs are not valid JSON", e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        new TreeMap<>(struct.getFieldsMap()).forEach((k, v) -> out.put(k, v.getStringValue()));
        return out;
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
