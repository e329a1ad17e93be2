package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.dibao.rules.Classification;
import cn.gov.qinghai.dibao.rules.ExitRetention;
import cn.gov.qinghai.dibao.rules.HouseholdFacts;
import cn.gov.qinghai.dibao.rules.Person;
import cn.gov.qinghai.dibao.v1.WorkAbility;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Boundary cases (rules/bounds.yaml) of the bounds that are not reachable through the public calculators: the
 * classification's main-member ages and the exit-retention range, evaluated by the rule classes on the shipped
 * parameter files.
 */
class BoundaryRulesTest {

    static final ParameterRegistry PARAMETERS = ParameterRegistry.fromClasspath("parameters");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws java.io.IOException {
        try (InputStream in = BoundaryRulesTest.class.getClassLoader().getResourceAsStream("rules/bounds.yaml")) {
            List<Map<String, Object>> cases = (List<Map<String, Object>>)
                    new Yaml().<Map<String, Object>>load(in).get("cases");
            return cases.stream().map(c -> Arguments.of(Named.of((String) c.get("name"), c))).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bound(Map<String, Object> c) {
        LocalDate date = LocalDate.parse((String) c.get("date"));
        String id = switch ((String) c.get("rule")) {
            case "classification" -> "dibao.classification";
            case "retention" -> "dibao.exit_retention";
            default -> throw new IllegalArgumentException("unknown rule " + c.get("rule"));
        };
        if ("NO_PARAMETER".equals(c.get("expect"))) {
            assertThrows(
                    ParameterLookupException.class, () -> PARAMETERS.get(id).at(date));
            return;
        }
        var p = PARAMETERS.get(id).at(date);
        Object actual = switch ((String) c.get("rule")) {
            case "classification" ->
                Classification.classify(
                        new HouseholdFacts(
                                false,
                                List.of(
                                        person((Integer) c.get("age"), WorkAbility.COMPLETELY_LOST),
                                        person(70, WorkAbility.FULL))),
                        p,
                        new ExplanationBuilder());
            default -> ExitRetention.allowed((Integer) c.get("months"), p);
        };
        assertEquals(c.get("expect"), actual);
    }

    private static Person person(int age, WorkAbility ability) {
        return new Person(age, null, false, false, ability, List.of());
    }
}
