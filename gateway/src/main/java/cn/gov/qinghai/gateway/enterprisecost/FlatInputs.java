package cn.gov.qinghai.gateway.enterprisecost;

import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flat JSON object of calculator inputs ({@code {"persons": 4, "paidInFull": true, "employerRate": "0.13"}}) as
 * the string map the service takes: strings as they are, numbers as written (no floating-point round trip, so
 * {@code 0.10} stays {@code "0.10"}), booleans as {@code "true"}/{@code "false"}; {@code null} means absent. Objects
 * and arrays are refused, every one named.
 */
final class FlatInputs {

    private FlatInputs() {
    }

    static Map<String, String> parse(String body) {
        JsonElement tree = strict(body == null || body.isBlank() ? "{}" : body);
        if (!tree.isJsonObject()) {
            throw ProblemException.invalid(List.of(new Problem.InvalidField("body",
                    "must be a JSON object of calculator inputs")));
        }
        return fromObject(tree.getAsJsonObject(), "");
    }

    /** The members of {@code object} as strings; problems are named under {@code prefix}. */
    static Map<String, String> fromObject(JsonObject object, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Problem.InvalidField> problems = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            JsonElement v = e.getValue();
            if (v.isJsonNull()) {
                continue;
            }
            if (v instanceof JsonPrimitive p) {
                out.put(e.getKey(), p.getAsString());
            } else {
                problems.add(new Problem.InvalidField(prefix + e.getKey(), "must be a string, number or boolean"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return out;
    }

    private static JsonElement strict(String body) {
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setLenient(false);
            JsonElement tree = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected content after the JSON value");
            }
            return tree;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw ProblemException.invalid(List.of(new Problem.InvalidField("body", "is not valid JSON")));
        }
    }
}
