package cn.gov.qinghai.gateway.enterprisecost;

import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.enterprisecost.v1.CalculatorDefinition;
import cn.gov.qinghai.enterprisecost.v1.InputField;
import cn.gov.qinghai.enterprisecost.v1.InputOption;
import cn.gov.qinghai.gateway.portal.Bilingual;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
import cn.gov.qinghai.gateway.portal.PortalPages;
import com.google.protobuf.Value;
import io.micronaut.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A calculator's form and result, derived from its catalogue definition alone: each {@link InputField} becomes a
 * {@link Field} (a number box, a yes/no choice or a list) with its label, unit and range in the page's language, and
 * each error the service reports for an input is rewritten as what that input expects, from the same definition.
 */
final class CalculatorForm {

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
    record Field(String name, String kind, String label, String hint, boolean required, String value,
                 String inputMode, List<Option> options) {
    }

    /** A choice of a list or yes/no input. */
    record Option(String value, String label) {
    }

    /** One named output of a result: its label (with its unit, from the page's messages) and its value as shown. */
    record Output(String name, String label, String value) {
    }

    String title() {
        return english ? definition.getTitleEn() : definition.getTitleZh();
    }

    String amountMeaning() {
        return new Bilingual(english).pick(definition.getAmountMeaning());
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
                case BOOLEAN -> fields.add(new Field(f.getName(), "yesno", label, hint(f), f.getRequired(), value, "",
                        List.of(new Option("", blankChoice(f)), new Option("true", message("ec.yes")),
                                new Option("false", message("ec.no")))));
                case ENUM -> {
                    List<Option> options = new ArrayList<>();
                    options.add(new Option("", blankChoice(f)));
                    for (InputOption o : f.getOptionsList()) {
                        options.add(new Option(o.getValue(), english ? o.getLabelEn() : o.getLabelZh()));
                    }
                    fields.add(new Field(f.getName(), "choice", label, hint(f), f.getRequired(), value, "", options));
                }
                case DATE -> fields.add(new Field(f.getName(), "date", label, hint(f), f.getRequired(), value, "",
                        List.of()));
                default -> fields.add(new Field(f.getName(), "number", label, hint(f), f.getRequired(), value,
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
                case NUMBER_VALUE -> new java.math.BigDecimal(Double.toString(v.getNumberValue()))
                        .stripTrailingZeros().toPlainString();
                case STRING_VALUE -> v.getStringValue();
                default -> v.toString();
            };
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
            InputField f = input(name);
            if (f == null) {
                notOnTheForm.add(name + ": " + error.detail());
                return error;
            }
            String key = error.detail().startsWith("is required") ? "ec.error.required" : "ec.error.invalid";
            return new FormErrors.FieldError(message(key, expectation(f)), error.detail());
        });
        if (!notOnTheForm.isEmpty()) {
            errors.page(errors.status(), String.join("; ", notOnTheForm));
        }
    }

    /** What an input expects, e.g. "整数，不小于 1，不超过 10000（单位：人）". */
    String expectation(InputField f) {
        StringBuilder s = new StringBuilder();
        switch (f.getType()) {
            case BOOLEAN -> s.append(message("ec.expect.BOOLEAN"));
            case ENUM -> s.append(message("ec.expect.ENUM"));
            case INTEGER -> s.append(message("ec.expect.INTEGER"));
            case DATE -> s.append(message("ec.expect.DATE"));
            default -> s.append(message("ec.expect.DECIMAL", String.valueOf(f.getMaxScale())));
        }
        if (!f.getMinimum().isEmpty()) {
            s.append(message(f.getMinimumExclusive() ? "ec.expect.minExclusive" : "ec.expect.min", f.getMinimum()));
        }
        if (!f.getMaximum().isEmpty()) {
            s.append(message("ec.expect.max", f.getMaximum()));
        }
        if (!f.getUnit().isEmpty()) {
            s.append(message("ec.expect.unit", unit(f.getUnit())));
        }
        return s.toString();
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
        return d;
    }

    /** A unit code of the catalogue ("CNY", "ratio", "CNY/m2" …) in words; the code itself when not known. */
    String unit(String code) {
        String key = "ec.unit." + code;
        String text = message(key);
        return text.equals(key) ? code : text;
    }

    private InputField input(String name) {
        return definition.getInputsList().stream().filter(f -> f.getName().equals(name)).findFirst().orElse(null);
    }

    private String message(String key, Object... args) {
        return pages.message(request, key, args);
    }
}
