package cn.gov.qinghai.broadband;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.qinghai.broadband.rules.CompletionRate;
import cn.gov.qinghai.broadband.rules.IndicatorProgress;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** The rule cases of {@code rules/progress.yaml}: input → expected output, one test per case. */
class RuleCasesTest {

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws Exception {
        try (InputStream in = RuleCasesTest.class.getClassLoader().getResourceAsStream("rules/progress.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            return ((List<Map<String, Object>>) doc.get("cases")).stream().map(c -> Arguments.of(c.get("name"), c));
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleCase(String name, Map<String, Object> c) {
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        if (c.containsKey("indicator")) {
            Map<String, String> in = (Map<String, String>) c.get("indicator");
            BigDecimal value2016 = in.get("value2016") == null ? null : new BigDecimal(in.get("value2016"));
            var direction = IndicatorProgress.Direction.valueOf(in.getOrDefault("direction", "HIGHER_IS_BETTER"));
            BigDecimal yoy = in.get("yearOnYearTarget") == null ? null : new BigDecimal(in.get("yearOnYearTarget"));
            var r = IndicatorProgress.of(
                    name,
                    value2016,
                    new BigDecimal(in.get("target2017")),
                    new BigDecimal(in.get("actual")),
                    "unit",
                    direction,
                    yoy,
                    cn.gov.qinghai.kit.params.Citation.of("青政办〔2017〕93号", "实施方案 一(三)"));
            assertEquals(expect.get("percent"), r.percent(), name);
            assertEquals(expect.get("met"), r.met(), name);
            assertEquals(expect.getOrDefault("yearOnYearChange", ""), r.yearOnYearChange(), name);
            // the target step, the progress step, and the year-on-year step when checked
            assertEquals(r.yearOnYearChange().isEmpty() ? 2 : 3, r.explanation().getStepsCount());
        } else {
            Map<String, String> in = (Map<String, String>) c.get("completion");
            assertEquals(
                    expect.get("percent"),
                    CompletionRate.percent(new BigDecimal(in.get("actual")), new BigDecimal(in.get("planned"))),
                    name);
        }
    }
}
