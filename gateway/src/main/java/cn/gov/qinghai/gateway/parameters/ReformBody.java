package cn.gov.qinghai.gateway.parameters;

import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;

/**
 * For REST bodies that are flat maps of inputs (the enterprise-cost calculators): a {@code reform} member is taken
 * out and read as a {@link Reform} (checked against its message shape), the rest stays the flat inputs.
 *
 * @param inputs the body without its reform member (JSON text)
 * @param reform the reform, when the body has one
 */
public record ReformBody(String inputs, Optional<Reform> reform) {

    public static ReformBody split(String body, GrpcJson json) {
        if (body == null || body.isBlank()) {
            return new ReformBody(body, Optional.empty());
        }
        JsonElement tree;
        try {
            tree = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            return new ReformBody(body, Optional.empty());   // the inputs' own parser names the problem
        }
        if (!tree.isJsonObject() || !tree.getAsJsonObject().has("reform")) {
            return new ReformBody(body, Optional.empty());
        }
        JsonObject object = tree.getAsJsonObject().deepCopy();
        JsonElement reform = object.remove("reform");
        if (!reform.isJsonObject()) {
            throw ProblemException.invalid(List.of(new Problem.InvalidField("reform",
                    "must be an object {name, overrides:[{id, value, from, unit}]}")));
        }
        return new ReformBody(object.toString(), Optional.of(json.parse(reform.toString(), Reform.newBuilder()).build()));
    }
}
