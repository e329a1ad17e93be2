package cn.gov.qinghai.enterprisecost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.yaml.snakeyaml.Yaml;

/** Loads rule cases ({@code cases:} of {name, ...}) from a YAML resource, one JUnit argument per case. */
final class RuleCases {
    private RuleCases() {}

    @SuppressWarnings("unchecked")
    static Stream<Arguments> load(String resource) {
        try (InputStream in = RuleCases.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> doc = new Yaml().load(in);
            List<Map<String, Object>> cases = (List<Map<String, Object>>) doc.get("cases");
            return cases.stream().map(c -> Arguments.of(Named.of((String) c.get("name"), c))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
