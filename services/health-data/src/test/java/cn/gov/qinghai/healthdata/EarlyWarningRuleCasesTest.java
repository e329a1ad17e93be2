package cn.gov.qinghai.healthdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.healthdata.rules.EarsC2;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** Rule cases as data (src/test/resources/rules/early_warning.yaml) against the real parameter files. */
class EarlyWarningRuleCasesTest {

    private static final ParameterRegistry PARAMETERS = ParameterRegistry.fromClasspath("parameters");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws Exception {
        try (InputStream in =
                EarlyWarningRuleCasesTest.class.getClassLoader().getResourceAsStream("rules/early_warning.yaml")) {
            Map<String, Object> root = new Yaml().load(in);
            return ((List<Map<String, Object>>) root.get("cases"))
                    .stream().map(c -> Arguments.of(c.get("name"), c.get("input"), c.get("expect")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void earlyWarning(String name, Map<String, Object> input, Map<String, Object> expect) {
        LocalDate date = LocalDate.parse(input.get("date").toString());
        long[] baseline = ((List<Integer>) input.get("baseline"))
                .stream().mapToLong(Integer::longValue).toArray();
        long count = ((Integer) input.get("count")).longValue();
        String disease = input.get("disease").toString();
        if (Boolean.TRUE.equals(expect.get("error"))) {
            assertThrows(
                    RuntimeException.class,
                    () -> PARAMETERS.get(EarsC2.PARAMETER).at(date));
            return;
        }
        EarsC2.Result r = EarsC2.evaluate(
                disease, count, baseline, PARAMETERS.get(EarsC2.PARAMETER).at(date), new ExplanationBuilder());
        assertEquals(expect.get("alert"), r.alert());
        assertEquals(expect.get("method"), r.method().name());
        if (expect.containsKey("c2")) {
            assertEquals(expect.get("mean"), r.mean().toPlainString());
            assertEquals(expect.get("sd"), r.sd().toPlainString());
            assertEquals(expect.get("c2"), r.c2().toPlainString());
        }
    }
}
