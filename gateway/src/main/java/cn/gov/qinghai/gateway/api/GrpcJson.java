package cn.gov.qinghai.gateway.api;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * REST JSON ↔ gRPC messages. Requests: strict JSON, checked against the message shape (every bad field named),
 * then protobuf's canonical JSON mapping, so REST field names are the proto JSON names. Responses: canonical JSON
 * with default values printed, reshaped for people: an {@code explanation} becomes the array of its steps with its
 * caveats beside it, and a {@code page} becomes {@code nextPageToken}/{@code totalSize} on the response itself.
 */
@Singleton
public class GrpcJson {

    private static final Gson GSON = new Gson();
    private final JsonFormat.Parser parser = JsonFormat.parser();

    /** Merges a JSON request body into {@code builder}; a 400 problem lists every bad field. */
    public <B extends Message.Builder> B parse(String body, B builder) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid(List.of(new Problem.InvalidField("body", "is required (a JSON object)")));
        }
        JsonElement tree = strictParse(body);
        List<Problem.InvalidField> problems = JsonShape.check(tree, builder.getDescriptorForType());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        try {
            parser.merge(tree.toString(), builder);
        } catch (InvalidProtocolBufferException e) {
            throw ProblemException.invalid(
                    List.of(new Problem.InvalidField("body", "does not match the request: " + clip(e.getMessage()))));
        }
        return builder;
    }

    /** Refuses (400, field {@code body}) text that is not one strict JSON value, before it is embedded anywhere. */
    public void checkSyntax(String body) {
        strictParse(body);
    }

    /**
     * Fills the request's {@code request_id} from the {@code Idempotency-Key} header when the body has none, so
     * either way of giving the key makes a retry return the first result.
     */
    public <B extends Message.Builder> B withIdempotencyKey(B builder, String idempotencyKey) {
        var field = builder.getDescriptorForType().findFieldByName("request_id");
        if (field == null) {
            throw new IllegalArgumentException(builder.getDescriptorForType().getName() + " has no request_id");
        }
        if (idempotencyKey != null && builder.getField(field).toString().isEmpty()) {
            builder.setField(field, idempotencyKey);
        }
        return builder;
    }

    /** The response as JSON for people (see class comment), written in one pass by {@link ProtoJsonWriter}. */
    public String print(MessageOrBuilder message) {
        return ProtoJsonWriter.write(message);
    }

    /** Same JSON as a tree, for callers that add to it (e.g. streamed results). */
    public JsonObject printTree(MessageOrBuilder message) {
        return com.google.gson.JsonParser.parseString(print(message)).getAsJsonObject();
    }

    private static JsonElement strictParse(String body) {
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setLenient(false);
            JsonElement tree = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected content after the JSON value");
            }
            return tree;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw ProblemException.invalid(
                    List.of(new Problem.InvalidField("body", "is not valid JSON: " + clip(e.getMessage()))));
        }
    }

    private static String clip(String message) {
        if (message == null) {
            return "";
        }
        // Never echo internals: keep the first line, short.
        String first = message.lines().findFirst().orElse("");
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
