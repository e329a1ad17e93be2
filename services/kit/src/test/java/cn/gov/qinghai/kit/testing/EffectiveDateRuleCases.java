package cn.gov.qinghai.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Rule cases as data for effective dates, one harness for every service: a service's test class extends this, and
 * its {@code src/test/resources/rules/effective_dates.yaml} lists the day before and the day of every effective date
 * of its shipped parameter files. {@code expectFrom: null} means no value is in force (never a silent default).
 */
public abstract class EffectiveDateRuleCases {

    private static final ParameterRegistry PARAMETERS = ParameterRegistry.fromClasspath("parameters");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws Exception {
        try (InputStream in = Objects.requireNonNull(
                Thread.currentThread().getContextClassLoader().getResourceAsStream("rules/effective_dates.yaml"),
                "rules/effective_dates.yaml is missing from the test resources")) {
            Map<String, Object> doc = new Yaml().load(in);
            return ((List<Map<String, Object>>) doc.get("cases"))
                    .stream().map(c -> Arguments.of(Named.of((String) c.get("name"), c)));
        }
    }

    @ParameterizedTest
    @MethodSource("cn.gov.qinghai.kit.testing.EffectiveDateRuleCases#cases")
    void inForceFrom(Map<String, Object> c) {
        String id = (String) c.get("parameter");
        LocalDate date = LocalDate.parse(c.get("date").toString());
        Object expect = c.get("expectFrom");
        if (expect == null) {
            assertThrows(
                    ParameterLookupException.class, () -> PARAMETERS.get(id).at(date));
        } else {
            assertEquals(
                    LocalDate.parse(expect.toString()),
                    PARAMETERS.get(id).entryAt(date).from());
        }
    }
}
