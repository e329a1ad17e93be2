package cn.gov.qinghai.retail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.retail.rules.AboveThreshold;
import cn.gov.qinghai.retail.rules.ExcursionDetector;
import cn.gov.qinghai.retail.rules.RetailParameters;
import cn.gov.qinghai.retail.rules.StandardPalletShare;
import cn.gov.qinghai.retail.rules.TemperatureRange;
import cn.gov.qinghai.retail.rules.YearOnYearChange;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** Rule cases as data (src/test/resources/rules/*.yaml) against the shipped parameter files. */
class RetailRuleCasesTest {

    private static final RetailParameters PARAMETERS =
            new RetailParameters(ParameterRegistry.fromClasspath("parameters"));
    private static final Instant T0 = Instant.parse("2017-07-01T00:00:00Z");

    static Stream<Arguments> excursionCases() {
        return cases("rules/excursions.yaml", "cases");
    }

    static Stream<Arguments> thresholdCases() {
        return cases("rules/statistics.yaml", "threshold");
    }

    static Stream<Arguments> yearOnYearCases() {
        return cases("rules/statistics.yaml", "yearOnYear");
    }

    static Stream<Arguments> palletCases() {
        return cases("rules/pallets.yaml", "pallets");
    }

    @ParameterizedTest
    @MethodSource("excursionCases")
    @SuppressWarnings("unchecked")
    void excursions(Map<String, Object> input, Object expect) {
        TemperatureRange range = TemperatureRange.of(
                        PARAMETERS, (String) input.get("productClass"), LocalDate.of(2017, 7, 1))
                .orElseThrow();
        ExcursionDetector detector = new ExcursionDetector(range);
        for (List<Object> r : (List<List<Object>>) input.get("readings")) {
            detector.accept(
                    T0.plus(Duration.ofMinutes(((Number) r.get(0)).longValue())), new BigDecimal((String) r.get(1)));
        }
        List<String> actual = new ArrayList<>();
        for (ExcursionDetector.Found f : detector.finish()) {
            actual.add(minutes(f.startedAt()) + "|" + (f.endedAt() == null ? "null" : minutes(f.endedAt())) + "|"
                    + f.duration().toSeconds() + "|"
                    + f.peak().stripTrailingZeros().toPlainString() + "|" + f.direction());
        }
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) expect) {
            expected.add(e.get("start") + "|" + e.get("end") + "|" + e.get("seconds") + "|"
                    + new BigDecimal((String) e.get("peak"))
                            .stripTrailingZeros()
                            .toPlainString() + "|" + e.get("direction"));
        }
        assertEquals(expected, actual);
    }

    private static long minutes(Instant t) {
        return Duration.between(T0, t).toMinutes();
    }

    @ParameterizedTest
    @MethodSource("thresholdCases")
    @SuppressWarnings("unchecked")
    void threshold(Map<String, Object> input, Object expectRaw) {
        Map<String, Object> expect = (Map<String, Object>) expectRaw;
        LocalDate date = LocalDate.parse((String) input.get("date"));
        BigDecimal revenue = new BigDecimal((String) input.get("revenue"));
        if (Boolean.TRUE.equals(expect.get("error"))) {
            assertThrows(RuntimeException.class, () -> PARAMETERS.value(RetailParameters.THRESHOLD, date));
            return;
        }
        AboveThreshold.Result result =
                AboveThreshold.decide(revenue, PARAMETERS.value(RetailParameters.THRESHOLD, date));
        assertEquals(expect.get("above"), result.above());
        assertEquals(
                "5000000", result.explanation().getSteps(0).getParameters(0).getValue());
    }

    @ParameterizedTest
    @MethodSource("yearOnYearCases")
    void yearOnYear(Map<String, Object> input, Object expect) {
        String prior = (String) input.get("prior");
        assertEquals(
                expect,
                YearOnYearChange.of(
                                new BigDecimal((String) input.get("current")),
                                prior == null ? null : new BigDecimal(prior))
                        .map(BigDecimal::toPlainString)
                        .orElse(null));
    }

    @ParameterizedTest
    @MethodSource("palletCases")
    @SuppressWarnings("unchecked")
    void pallets(List<List<Number>> input, Object expectRaw) {
        Map<String, Object> expect = (Map<String, Object>) expectRaw;
        List<StandardPalletShare.Stock> stock = input.stream()
                .map(s -> new StandardPalletShare.Stock(
                        s.get(0).intValue(), s.get(1).intValue(), s.get(2).longValue()))
                .toList();
        StandardPalletShare.Result r =
                StandardPalletShare.compute(stock, PARAMETERS.value(RetailParameters.PALLET, LocalDate.of(2017, 7, 1)));
        assertEquals(((Number) expect.get("total")).longValue(), r.total());
        assertEquals(((Number) expect.get("standard")).longValue(), r.standard());
        assertEquals(expect.get("share"), r.share().toPlainString());
    }

    @SuppressWarnings("unchecked")
    private static Stream<Arguments> cases(String resource, String key) {
        try (InputStream in = RetailRuleCasesTest.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> doc = new Yaml().load(in);
            return ((List<Map<String, Object>>) doc.get(key))
                    .stream().map(c -> Arguments.of(Named.of((String) c.get("name"), c.get("input")), c.get("expect")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
