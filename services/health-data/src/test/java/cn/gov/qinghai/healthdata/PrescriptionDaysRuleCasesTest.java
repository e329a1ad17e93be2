package cn.gov.qinghai.healthdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.healthdata.rules.QualityRules;
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

/** Rule cases as data (rules/prescription_days.yaml): the days-of-supply limit at n − 1, n, n + 1. */
class PrescriptionDaysRuleCasesTest {

    private static final QualityRules RULES = new QualityRules(ParameterRegistry.fromClasspath("parameters"));

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws Exception {
        try (InputStream in = PrescriptionDaysRuleCasesTest.class
                .getClassLoader()
                .getResourceAsStream("rules/prescription_days.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            return ((List<Map<String, Object>>) doc.get("cases"))
                    .stream().map(c -> Arguments.of(Named.of((String) c.get("name"), c)));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void daysOfSupply(Map<String, Object> c) {
        LocalDate day = LocalDate.of(2026, 9, 7);
        var findings = RULES.encounter(
                LocalDate.of(1980, 1, 1),
                'F',
                EncounterType.valueOf((String) c.get("type")),
                day,
                day,
                "J06",
                List.of(new QualityRules.Line((Integer) c.get("days"))),
                day);
        boolean flagged = findings.stream().anyMatch(f -> f.code().equals("PRESCRIPTION_DAYS_OVER_LIMIT"));
        assertEquals(c.get("flagged"), flagged);
    }
}
