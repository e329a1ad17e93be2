package cn.gov.qinghai.gateway.enterprisecost;

import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.enterprisecost.v1.CalculatorDefinition;
import cn.gov.qinghai.enterprisecost.v1.InputField;
import cn.gov.qinghai.enterprisecost.v1.InputOption;
import cn.gov.qinghai.gateway.portal.Bilingual;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
import cn.gov.qinghai.gateway.portal.PortalNumbers;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.whatif.WhatIfPanels;
import com.google.protobuf.Value;
import io.micronaut.http.HttpRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A calculator's form and result, derived from its catalogue definition alone: each {@link InputField} becomes a
 * {@link Field} (a number box, a yes/no choice or a list) with its label, unit and range in the page's language, and
 * each error the service reports for an input is rewritten as what that input expects, from the same definition.
 */
final class CalculatorForm {

    /** Outputs that are rates (the catalogue gives outputs no unit): shown as percentages. */
    private static final java.util.Set<String> PERCENT_OUTPUTS = java.util.Set.of(
            "maximumFeeRate",
            "employerMinimumRate",
            "employerMaximumRate",
            "employeeMinimumRate",
            "minimumShareOfNational",
            "maximumShare",
            "share");
    /** An amount bound above this is a technical ceiling, not a rule: not worth a reader's attention. */
    private static final BigDecimal UNREACHABLE = new BigDecimal("100000000");

    private final CalculatorDefinition definition;
    private final PortalPages pages;
    private final HttpRequest<?> request;
    private final boolean english;

    CalculatorForm(CalculatorDefinition definition, PortalPages pages, HttpRequest<?> request) {
        this.definition = definition;
        this.pages = pages;
        this.request = request;
        this.english = PortalLanguage.isEnglish(pages.locale(request));
    }

    /** One input on the page. {@code kind} is {@code number}, {@code date}, {@code yesno} or {@code choice}. */
    record Field(
            String name,
            String kind,
            String label,
            String hint,
            boolean required,
            String value,
            String inputMode,
            List<Option> options) {}

    /** A choice of a list or yes/no input. */
    record Option(String value, String label) {}

    /** One named output of a result: its label (with its unit, from the page's messages) and its value as shown. */
    record Output(String name, String label, String value) {}

    String title() {
        return english ? definition.getTitleEn() : definition.getTitleZh();
    }

    /** What the amount is, in the page's language; the service writes the unit as "CNY", a reader says yuan. */
    String amountMeaning() {
        String meaning = new Bilingual(english).pick(definition.getAmountMeaning());
        return english ? meaning.replace("CNY", "yuan") : meaning;
    }

    /**
     * The amount's label with its unit once: the meaning when it names the unit already ("稳岗补贴（元）"),
     * otherwise the meaning (or "金额") followed by "（元）".
     */
    String amountLabel() {
        String meaning = amountMeaning();
        if (meaning.contains("元") || meaning.contains("yuan")) {
            return meaning;
        }
        return (meaning.isEmpty() ? pages.message(request, "ec.amount") : meaning)
                + pages.message(request, "ec.compare.yuan");
    }

    String effectiveFrom() {
        return definition.getEffectiveFrom();
    }

    List<Field> fields(Map<String, String> typed, FormErrors errors) {
        List<Field> fields = new ArrayList<>();
        for (InputField f : definition.getInputsList()) {
            String label = english ? f.getDescriptionEn() : f.getDescriptionZh();
            String value = typed.getOrDefault(f.getName(), "");
            switch (f.getType()) {
                case BOOLEAN ->
                    fields.add(new Field(
                            f.getName(),
                            "yesno",
                            label,
                            hint(f),
                            f.getRequired(),
                            value,
                            "",
                            List.of(
                                    new Option("", blankChoice(f)),
                                    new Option("true", message("ec.yes")),
                                    new Option("false", message("ec.no")))));
                case ENUM -> {
                    List<Option> options = new ArrayList<>();
                    options.add(new Option("", blankChoice(f)));
                    for (InputOption o : f.getOptionsList()) {
                        options.add(new Option(o.getValue(), english ? o.getLabelEn() : o.getLabelZh()));
                    }
                    fields.add(new Field(f.getName(), "choice", label, hint(f), f.getRequired(), value, "", options));
                }
                case DATE ->
                    fields.add(new Field(f.getName(), "date", label, hint(f), f.getRequired(), value, "", List.of()));
                default ->
                    fields.add(new Field(
                            f.getName(),
                            "number",
                            label,
                            hint(f),
                            f.getRequired(),
                            value,
                            f.getType() == cn.gov.qinghai.enterprisecost.v1.InputType.INTEGER ? "numeric" : "decimal",
                            List.of()));
            }
        }
        return fields;
    }

    /** The outputs in the catalogue's order, yes/no in words, the rest as the service wrote them. */
    List<Output> outputs(Calculation result) {
        List<Output> outputs = new ArrayList<>();
        for (String name : definition.getOutputsList()) {
            Value v = result.getOutputsMap().get(name);
            if (v == null || v.hasNullValue()) {
                continue;
            }
            String shown = switch (v.getKindCase()) {
                case BOOL_VALUE -> message(v.getBoolValue() ? "ec.yes" : "ec.no");
                case NUMBER_VALUE ->
                    new java.math.BigDecimal(Double.toString(v.getNumberValue()))
                            .stripTrailingZeros()
                            .toPlainString();
                case STRING_VALUE -> v.getStringValue();
                default -> v.toString();
            };
            if (PERCENT_OUTPUTS.contains(name)) {
                shown = WhatIfPanels.percent(shown); // rates as people say them: 50%, not 0.5
            }
            String key = "ec.output." + name;
            String label = message(key);
            outputs.add(new Output(name, label.equals(key) ? name : label, shown));
        }
        return outputs;
    }

    /**
     * The service names invalid inputs by their input name (its wording is English): each becomes, in the page's
     * language, "required" or "check this" followed by what the input expects. An error on a name that is no input
     * of the form (cannot happen from this form, but a hand-made URL can) is shown at the top of the page.
     */
    void inPageLanguage(FormErrors errors) {
        List<String> notOnTheForm = new ArrayList<>();
        errors.getFields().replaceAll((name, error) -> {
            if (name.startsWith(WhatIfPanels.CHOICE)) {
                return new FormErrors.FieldError(message("whatif.error.value"), error.detail());
            }
            InputField f = input(name);
            if (f == null) {
                notOnTheForm.add(name + ": " + error.detail());
                return error;
            }
            String key = error.detail().startsWith("is required") ? "ec.error.required" : "ec.error.invalid";
            return new FormErrors.FieldError(message(key, expectation(f, true)), error.detail());
        });
        if (!notOnTheForm.isEmpty()) {
            errors.page(errors.status(), String.join("; ", notOnTheForm));
        }
    }

    /**
     * What an input expects, in words: "金额（元），不超过 100万" rather than "数字，最多 2 位小数，不小于 0，不超过
     * 1000000000000". A rate is a percentage ("百分数，不超过 100%"); bounds that no one would reach (an amount's
     * technical ceiling, a minimum of 0 for an amount) are left out.
     */
    String expectation(InputField f) {
        return expectation(f, false);
    }

    /** The same; for an error, a minimum of 0 is said too ("不能为负数" is what a refused "-5" needs to hear). */
    String expectation(InputField f, boolean forError) {
        StringBuilder s = new StringBuilder();
        String kind = kindInWords(f);
        s.append(kind);
        boolean percent = isRate(f);
        if (!f.getMinimum().isEmpty() && (forError || !isZero(f.getMinimum()) || f.getMinimumExclusive())) {
            s.append(message(
                    f.getMinimumExclusive() ? "ec.expect.minExclusive" : "ec.expect.min",
                    bound(f.getMinimum(), percent, f.getUnit())));
        }
        if (!f.getMaximum().isEmpty() && new BigDecimal(f.getMaximum()).compareTo(UNREACHABLE) < 0) {
            s.append(message("ec.expect.max", bound(f.getMaximum(), percent, f.getUnit())));
        }
        return s.toString();
    }

    /** The kind of answer and its unit in words: "金额（元）", "百分数", "人数（整数）", "日期". */
    private String kindInWords(InputField f) {
        switch (f.getType()) {
            case BOOLEAN -> {
                return message("ec.expect.BOOLEAN");
            }
            case ENUM -> {
                return message("ec.expect.ENUM");
            }
            case DATE -> {
                return message("ec.expect.DATE");
            }
            default -> {
                String key = "ec.kind." + f.getUnit();
                String kind = message(key);
                if (!kind.equals(key)) {
                    return kind;
                }
                String base = message(
                        f.getType() == cn.gov.qinghai.enterprisecost.v1.InputType.INTEGER
                                ? "ec.expect.INTEGER"
                                : "ec.expect.NUMBER");
                return f.getUnit().isEmpty() ? base : base + message("ec.expect.unit", unit(f.getUnit()));
            }
        }
    }

    /** Bounds people read: a rate's as a percentage, an amount's in 万 when round ("1000000" → "100万"). */
    private String bound(String value, boolean percent, String unit) {
        BigDecimal v = new BigDecimal(value);
        if (percent) {
            return v.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        if (!english
                && "CNY".equals(unit)
                && v.compareTo(BigDecimal.valueOf(10000)) >= 0
                && v.remainder(BigDecimal.valueOf(10000)).signum() == 0) {
            return v.divide(BigDecimal.valueOf(10000)).stripTrailingZeros().toPlainString() + "万";
        }
        return v.stripTrailingZeros().toPlainString();
    }

    private static boolean isZero(String v) {
        return new BigDecimal(v).signum() == 0;
    }

    /** A rate (unit {@code ratio}): typed and shown as a percentage, sent as the fraction the service expects. */
    static boolean isRate(InputField f) {
        return "ratio".equals(f.getUnit());
    }

    /**
     * What the service is sent for a typed value: a rate's percentage as its fraction ("50" or "50%" → "0.5"), an
     * amount without thousands separators; anything else (and anything not a number) as typed, so the service
     * names it.
     */
    String toService(String name, String typed) {
        InputField f = input(name);
        if (f == null
                || (f.getType() != cn.gov.qinghai.enterprisecost.v1.InputType.DECIMAL
                        && f.getType() != cn.gov.qinghai.enterprisecost.v1.InputType.INTEGER)) {
            return typed;
        }
        java.util.Optional<BigDecimal> n = isRate(f) ? PortalNumbers.percent(typed) : PortalNumbers.amount(typed);
        return n.map(PortalNumbers::plain).orElse(typed);
    }

    private String hint(InputField f) {
        String hint = expectation(f);
        if (!f.getDefaultValue().isEmpty()) {
            hint = hint + message("ec.default", shownDefault(f));
        }
        return hint + (f.getRequired() ? "" : message("ec.optional"));
    }

    private String blankChoice(InputField f) {
        return f.getDefaultValue().isEmpty() ? message("ec.choose") : message("ec.choose.default", shownDefault(f));
    }

    private String shownDefault(InputField f) {
        String d = f.getDefaultValue();
        if (f.getType() == cn.gov.qinghai.enterprisecost.v1.InputType.BOOLEAN) {
            return message("true".equals(d) ? "ec.yes" : "ec.no");
        }
        for (InputOption o : f.getOptionsList()) {
            if (o.getValue().equals(d)) {
                return english ? o.getLabelEn() : o.getLabelZh();
            }
        }
        return isRate(f) ? WhatIfPanels.percent(d) : d;
    }

    /** A unit code of the catalogue ("CNY", "ratio", "CNY/m2" …) in words; the code itself when not known. */
    String unit(String code) {
        String key = "ec.unit." + code;
        String text = message(key);
        return text.equals(key) ? code : text;
    }

    InputField input(String name) {
        return definition.getInputsList().stream()
                .filter(f -> f.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    private String message(String key, Object... args) {
        return pages.message(request, key, args);
    }
}
