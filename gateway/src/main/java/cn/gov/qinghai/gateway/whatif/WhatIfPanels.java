package cn.gov.qinghai.gateway.whatif;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.common.v1.ExplanationStep;
import cn.gov.qinghai.common.v1.GetParameterResponse;
import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.ParameterUse;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.parameters.ParametersDirectory;
import cn.gov.qinghai.gateway.portal.Bilingual;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
import cn.gov.qinghai.gateway.portal.PortalNumbers;
import cn.gov.qinghai.gateway.portal.PortalPages;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "what if" panel of a calculator page (issue 24.4): which figures the reader may change (those the answer
 * used), what they are now, and the one override the reader asked for as a {@link Reform} for the same RPC. The
 * page runs the RPC with it and shows baseline and reform side by side ({@link Comparison}); the service marks the
 * changed steps and the hypothetical value in the reform's working.
 */
@Singleton
public class WhatIfPanels {

    /** Form fields of the panel: the figure chosen ({@code id} or {@code id#field}) and its new value. */
    public static final String CHOICE = "whatIf";

    public static final String VALUE = "whatIfValue";
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    /** A parameter id as the services write it in a caveat: "enterprise_cost.stable_job_subsidy = ". */
    private static final Pattern PARAMETER_ID = Pattern.compile("\\b[a-z][a-z_]*(\\.[a-z][a-z_0-9]*)+\\s*=");

    private final WhatIfLevers levers;
    private final ParametersDirectory parameters;
    private final PortalPages pages;

    WhatIfPanels(WhatIfLevers levers, ParametersDirectory parameters, PortalPages pages) {
        this.levers = levers;
        this.parameters = parameters;
        this.pages = pages;
    }

    /** One figure offered: the choice's value, its label and its value now, in words ("10%", "2000000 元"). */
    public record Option(String key, String label, String now) {}

    /** The panel as shown: the figures offered, what the reader chose and typed, and the errors on it. */
    public record Panel(List<Option> options, String chosen, String typed, String hypothesis) {
        public boolean isEmpty() {
            return options.isEmpty();
        }
    }

    /** One output, under the law and under the reform. */
    public record Row(String label, String baseline, String reform) {
        public boolean changed() {
            return !baseline.equals(reform);
        }
    }

    /** Baseline and reform side by side, and the titles of the steps the reform changed. */
    public record Comparison(List<Row> rows, List<String> changedSteps) {}

    /** The panel for an answer whose working is {@code baseline}; {@code typed} holds the panel's fields. */
    public Panel panel(HttpRequest<?> request, Explanation baseline, Map<String, String> typed) {
        boolean english = PortalLanguage.isEnglish(pages.locale(request));
        Map<String, ParameterUse> used = new LinkedHashMap<>();
        for (ExplanationStep s : baseline.getStepsList()) {
            for (ParameterUse p : s.getParametersList()) {
                used.putIfAbsent(p.getId(), p);
            }
        }
        List<Option> options = new ArrayList<>();
        for (WhatIfLevers.Lever l : levers.offered(used.keySet())) {
            options.add(new Option(l.key(), l.label(english), shown(request, l, now(request, l, used.get(l.id())))));
        }
        String chosen = typed.getOrDefault(CHOICE, "");
        String value = typed.getOrDefault(VALUE, "");
        return new Panel(options, chosen, value, hypothesis(request, chosen, value));
    }

    /** True when the reader asked a "what if" (chose a figure). */
    public static boolean asked(Map<String, String> typed) {
        return !typed.getOrDefault(CHOICE, "").isEmpty();
    }

    /**
     * The reform the panel asks for, or empty with the problem named at the panel's value field (no figure chosen,
     * not a number). The value is what the reader typed: a percentage for a rate (15 → 0.15), yuan for an amount.
     */
    public Optional<Reform> reform(HttpRequest<?> request, Map<String, String> typed, FormErrors errors) {
        Optional<WhatIfLevers.Lever> lever = levers.find(typed.getOrDefault(CHOICE, ""));
        if (lever.isEmpty()) {
            errors.field(CHOICE, pages.message(request, "whatif.error.choice"), "");
            return Optional.empty();
        }
        WhatIfLevers.Lever l = lever.get();
        Optional<BigDecimal> number = supposed(l, typed.getOrDefault(VALUE, ""));
        if (number.isEmpty() || number.get().signum() < 0) {
            errors.field(
                    VALUE, pages.message(request, l.percent() ? "whatif.error.percent" : "whatif.error.amount"), "");
            return Optional.empty();
        }
        String text = PortalNumbers.plain(number.get());
        String value = l.field().isEmpty() ? text : "{\"" + l.field() + "\":\"" + text + "\"}";
        return Optional.of(Reform.newBuilder()
                .setName(l.label(PortalLanguage.isEnglish(pages.locale(request))))
                .addOverrides(ParameterOverride.newBuilder().setId(l.id()).setValue(value))
                .build());
    }

    /**
     * Asks the service with the reader's supposition ({@code supposed}) and shows the answer; when the service
     * refused only the supposition (every field error is the panel's), asks again under the law ({@code underTheLaw})
     * so the page still answers, the panel showing its error. Refusals go to {@code readErrors} each time.
     */
    public static <R> void answer(
            boolean supposed,
            Supplier<R> asked,
            Supplier<R> underTheLaw,
            Consumer<R> show,
            Consumer<DownstreamException> readErrors,
            FormErrors errors) {
        try {
            show.accept(asked.get());
        } catch (DownstreamException e) {
            readErrors.accept(e);
            if (supposed && onlyThePanelRefused(errors)) {
                try {
                    show.accept(underTheLaw.get());
                } catch (DownstreamException again) {
                    readErrors.accept(again);
                }
            }
        }
    }

    /** True when every field error is on the panel's fields. */
    public static boolean onlyThePanelRefused(FormErrors errors) {
        return errors.getFields().keySet().stream().allMatch(f -> f.startsWith(CHOICE));
    }

    /** The service's words on a refused supposition become the panel's one message (its detail kept beside it). */
    public void panelErrorsInPageWords(HttpRequest<?> request, FormErrors errors) {
        errors.getFields()
                .replaceAll((f, err) -> f.startsWith(CHOICE)
                        ? new FormErrors.FieldError(pages.message(request, "whatif.error.value"), err.detail())
                        : err);
    }

    /** The service's errors on {@code reform.overrides[0].…} belong to the panel's value field. */
    public static String formField(String path) {
        return path.startsWith("reform.") ? VALUE : path;
    }

    /**
     * The caveats of the answer under the supposition, in the page's language. The service notes the supposed value
     * by its parameter id ("假设：enterprise_cost.stable_job_subsidy = 0.6 …"); a reader gets the figure's words
     * and the value as typed instead ("假设“稳岗补贴占上年失业保险费的比例”为 60%：…"), once.
     */
    public List<String> caveats(HttpRequest<?> request, Explanation reform, Map<String, String> typed) {
        Bilingual bi = new Bilingual(PortalLanguage.isEnglish(pages.locale(request)));
        String hypothesis = hypothesis(request, typed.getOrDefault(CHOICE, ""), typed.getOrDefault(VALUE, ""));
        List<String> out = new ArrayList<>();
        for (String c : reform.getCaveatsList()) {
            String text = bi.pick(c);
            if (PARAMETER_ID.matcher(text).find()) {
                text = hypothesis.isEmpty()
                        ? pages.message(request, "whatif.notLaw")
                        : pages.message(request, "whatif.caveat", hypothesis);
            }
            if (!out.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }

    /** "研发补助比例 改为 15%": what the reform supposes, in words; empty when nothing was asked. */
    private String hypothesis(HttpRequest<?> request, String chosen, String typed) {
        Optional<WhatIfLevers.Lever> l = levers.find(chosen);
        Optional<BigDecimal> n = l.flatMap(lever -> supposed(lever, typed));
        if (n.isEmpty()) {
            return "";
        }
        boolean english = PortalLanguage.isEnglish(pages.locale(request));
        return pages.message(
                request,
                "whatif.hypothesis",
                l.get().label(english),
                shown(request, l.get(), PortalNumbers.plain(n.get())));
    }

    /** The value the reader supposes, as the parameter holds it: "15" for a rate is 0.15, "2万" yuan is 20000. */
    private static Optional<BigDecimal> supposed(WhatIfLevers.Lever l, String typed) {
        return l.percent() ? PortalNumbers.percent(typed) : PortalNumbers.amount(typed);
    }

    /** The figure's value in force for this answer, as the parameter holds it (a fraction for a rate). */
    private String now(HttpRequest<?> request, WhatIfLevers.Lever l, ParameterUse use) {
        if (l.field().isEmpty()) {
            return use.getValue();
        }
        Matcher inUse =
                Pattern.compile("\\b" + Pattern.quote(l.field()) + "=([^,}]+)").matcher(use.getValue());
        if (inUse.find()) {
            return inUse.group(1).trim();
        }
        try {
            GetParameterResponse p = parameters
                    .get(request, l.id(), use.getEffectiveFrom())
                    .answer()
                    .map(ParametersDirectory.OwnedAnswer::response)
                    .orElse(null);
            if (p == null) {
                return "";
            }
            String json = p.hasAt() && p.getAt().hasEntry()
                    ? p.getAt().getEntry().getValue()
                    : p.getParameter().getValuesCount() > 0
                            ? p.getParameter().getValues(0).getValue()
                            : "";
            Matcher m = Pattern.compile("\"" + Pattern.quote(l.field()) + "\"\\s*:\\s*\"([^\"]*)\"")
                    .matcher(json);
            return m.find() ? m.group(1) : "";
        } catch (DownstreamException e) {
            return ""; // the figure is still offered; only its present value is not shown
        }
    }

    /** A value as the parameter holds it, in words: a rate as a percentage, an amount in yuan. */
    public String shown(HttpRequest<?> request, WhatIfLevers.Lever l, String raw) {
        if (raw == null || raw.isEmpty() || !NUMBER.matcher(raw).matches()) {
            return raw == null ? "" : raw;
        }
        BigDecimal v = new BigDecimal(raw);
        return l.percent()
                ? PortalNumbers.asPercent(raw) + "%"
                : pages.message(request, "whatif.yuan", PortalNumbers.plain(v));
    }

    /** A fraction as a percentage ("0.80" → "80%"): rates are shown as people say them. */
    public static String percent(String fraction) {
        if (fraction == null || !NUMBER.matcher(fraction).matches()) {
            return fraction == null ? "" : fraction;
        }
        return PortalNumbers.asPercent(fraction) + "%";
    }

    /** The comparison of two answers whose outputs the page has put side by side. */
    public static Comparison compare(List<Row> rows, List<String> changedSteps, boolean english) {
        List<String> titles =
                changedSteps.stream().map(t -> new Bilingual(english).pick(t)).toList();
        return new Comparison(rows, titles);
    }
}
