package cn.gov.qinghai.enterprisecost.calculators;

import cn.gov.qinghai.enterprisecost.v1.CalculatorDefinition;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterEntry;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every calculator of the service, in a stable catalogue order, with the definitions a client builds forms from
 * (citations and the first effective date come from the parameter files the calculator names).
 */
@Singleton
public class CalculatorCatalogue {

    /** Catalogue order: labour costs first, then subsidies, start-ups, then fees and land. */
    static final List<String> ORDER = List.of(
            "social-insurance",
            "housing-fund",
            "stable-job-subsidy",
            "rd-subsidy",
            "makerspace-graduate-income-tax",
            "guarantee-subsidy",
            "startup-loan-guarantee",
            "startup-award",
            "student-startup-fund",
            "makerspace-award",
            "graduate-cooperative-support",
            "quality-deposit",
            "land-floor-price",
            "government-fund-levy");

    private final Map<String, Calculator> byId = new LinkedHashMap<>();
    private final Map<String, CalculatorDefinition> definitions = new LinkedHashMap<>();

    public CalculatorCatalogue(List<Calculator> calculators, ParameterRegistry parameters) {
        List<Calculator> sorted = new ArrayList<>(calculators);
        sorted.sort(Comparator.comparingInt(c -> {
            int i = ORDER.indexOf(c.id());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        for (Calculator c : sorted) {
            if (byId.putIfAbsent(c.id(), c) != null) {
                throw new IllegalStateException("two calculators with id " + c.id());
            }
            definitions.put(c.id(), describe(c, parameters));
        }
    }

    public List<CalculatorDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<Calculator> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The calculator with this id, or NOT_FOUND (CALCULATOR_NOT_FOUND). */
    public Calculator require(String id) {
        return find(id).orElseThrow(() -> ServiceException.notFound(
                "CALCULATOR_NOT_FOUND",
                "no calculator '" + clip(id) + "'; known: " + String.join(", ", byId.keySet())));
    }

    public CalculatorDefinition definition(String id) {
        require(id);
        return definitions.get(id);
    }

    private static CalculatorDefinition describe(Calculator c, ParameterRegistry parameters) {
        Set<Citation> citations = new LinkedHashSet<>();
        LocalDate first = null;
        for (String pid : c.parameterIds()) {
            PolicyParameter p = parameters.get(pid);
            for (ParameterEntry e : p.values()) {
                citations.add(e.citation().withNote(""));
                if (e.from() != null && (first == null || e.from().isBefore(first))) {
                    first = e.from();
                }
            }
        }
        CalculatorDefinition.Builder d = CalculatorDefinition.newBuilder()
                .setId(c.id())
                .setTitleZh(c.titleZh())
                .setTitleEn(c.titleEn())
                .addAllOutputs(c.outputs())
                .setAmountMeaning(c.amountMeaning())
                .setEffectiveFrom(Objects.toString(first, ""));
        citations.forEach(ct -> d.addCitations(ct.toProto()));
        c.inputs().forEach(i -> d.addInputs(i.toProto()));
        return d.build();
    }

    private static String clip(String id) {
        String v = id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
