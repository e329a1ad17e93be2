package cn.gov.qinghai.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.hotline.rules.CategoryCatalogue;
import cn.gov.qinghai.hotline.rules.Classifier;
import cn.gov.qinghai.hotline.rules.Rollout;
import cn.gov.qinghai.hotline.rules.TicketLifecycle;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.TicketAction;
import cn.gov.qinghai.hotline.v1.TicketState;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** The rule cases of {@code rules/classification.yaml} and {@code rules/lifecycle.yaml}, one test per case. */
class RuleCasesTest {

    static final ParameterRegistry PARAMETERS = ParameterRegistry.fromClasspath("parameters");
    static final CategoryCatalogue CATALOGUE = new CategoryCatalogue(PARAMETERS);
    static final Classifier CLASSIFIER = new Classifier(CATALOGUE, new Rollout(PARAMETERS));

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases(String file) throws Exception {
        try (InputStream in = RuleCasesTest.class.getClassLoader().getResourceAsStream("rules/" + file)) {
            Map<String, Object> doc = new Yaml().load(in);
            return ((List<Map<String, Object>>) doc.get("cases"))
                    .stream().map(c -> Arguments.of(c.getOrDefault("name", c.get("state") + " " + c.get("action")), c));
        }
    }

    static Stream<Arguments> classification() throws Exception {
        return cases("classification.yaml");
    }

    static Stream<Arguments> lifecycle() throws Exception {
        return cases("lifecycle.yaml");
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("classification")
    void classificationCase(String name, Map<String, Object> c) {
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        LocalDate date = LocalDate.parse(String.valueOf(c.get("date")));
        String description = (String) c.get("description");
        String category = (String) c.get("category");
        String region = (String) c.get("region");
        if (Boolean.TRUE.equals(expect.get("notInForce"))) {
            assertThrows(
                    ParameterLookupException.class, () -> CLASSIFIER.classify(description, category, region, date));
            return;
        }
        Classification r = CLASSIFIER.classify(description, category, region, date);
        if (expect.containsKey("category")) {
            assertEquals(expect.get("category"), r.getCategoryCode(), name + ": category");
        }
        if (expect.containsKey("channel")) {
            assertEquals(expect.get("channel"), r.getChannel().name(), name + ": channel");
        }
        if (expect.containsKey("call110")) {
            assertEquals(expect.get("call110"), r.getCall110Now(), name + ": call 110 now");
        }
        if (expect.containsKey("hotline")) {
            assertEquals(expect.get("hotline"), r.getHotline(), name + ": hotline");
        }
        if (expect.containsKey("handOff")) {
            assertEquals(expect.get("handOff"), r.getHandOff().name(), name + ": hand-off");
        }
        if (expect.containsKey("departments")) {
            assertEquals(expect.get("departments"), r.getDepartmentsCount(), name + ": departments");
        }
        if (expect.containsKey("candidates")) {
            assertEquals(expect.get("candidates"), r.getCandidateCategoriesCount(), name + ": candidates");
        }
        assertFalse(r.getReason().isBlank(), name + ": a reason is given");
        assertTrue(r.getCitation().getDocument().contains("96号"), name + ": cites 96号");
        assertTrue(r.getExplanation().getStepsCount() >= 1, name + ": explained");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lifecycle")
    void lifecycleCase(String name, Map<String, Object> c) {
        TicketState state = TicketState.valueOf((String) c.get("state"));
        TicketAction action = TicketAction.valueOf((String) c.get("action"));
        Optional<TicketLifecycle.Step> step = TicketLifecycle.allowed(state, action);
        if (c.get("to") == null) {
            assertTrue(step.isEmpty(), name + " must be illegal");
            assertFalse(TicketLifecycle.allowedActions(state).contains(action), name);
        } else {
            assertEquals(c.get("to"), step.orElseThrow().to().name(), name);
            assertEquals(c.get("actor"), step.get().actor().name(), name);
        }
    }

    @Test
    void everyCategoryOfTheCatalogueHasACase() throws Exception {
        List<String> covered = classification()
                .map(a -> (Map<?, ?>) a.get()[1])
                .map(c -> String.valueOf(((Map<?, ?>) c.get("expect")).get("category")))
                .toList();
        for (String code : CATALOGUE.at(LocalDate.of(2017, 6, 5)).byCode().keySet()) {
            assertTrue(covered.contains(code), "no rule case for " + code);
        }
    }

    @Test
    void rolloutDeadlineIsTheLastDayOfAugust() {
        Rollout rollout = new Rollout(PARAMETERS);
        var haibeiOnDeadline = rollout.forRegion("632200", LocalDate.of(2017, 8, 31));
        var haibeiAfter = rollout.forRegion("632200", LocalDate.of(2017, 9, 1));
        assertEquals("2017-08-31", haibeiOnDeadline.getMustOpenBy());
        assertFalse(haibeiOnDeadline.getDeadlinePassed());
        assertTrue(haibeiAfter.getDeadlinePassed());
        assertFalse(rollout.forRegion("630100", LocalDate.of(2017, 9, 1)).getDeadlinePassed());
        assertEquals(
                "NOT_STATED",
                rollout.forRegion("632700", LocalDate.of(2017, 7, 1))
                        .getStatus()
                        .name());
        assertEquals(
                "OPENED_NOT_NORMAL",
                rollout.forRegion("632701", LocalDate.of(2017, 7, 1))
                        .getStatus()
                        .name());
        assertThrows(ParameterLookupException.class, () -> rollout.at(LocalDate.of(2017, 6, 4)));
    }
}
