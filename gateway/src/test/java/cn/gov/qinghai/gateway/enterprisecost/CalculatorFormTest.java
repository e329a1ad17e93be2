package cn.gov.qinghai.gateway.enterprisecost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.enterprisecost.v1.CalculatorDefinition;
import cn.gov.qinghai.enterprisecost.v1.InputField;
import cn.gov.qinghai.enterprisecost.v1.InputOption;
import cn.gov.qinghai.enterprisecost.v1.InputType;
import cn.gov.qinghai.gateway.portal.DomainCatalog;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
import cn.gov.qinghai.gateway.portal.PortalPages;
import com.google.protobuf.Value;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.simple.SimpleHttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form, the outputs and the error wording come from the catalogue definition alone, in the page's language. */
class CalculatorFormTest {

    private static final CalculatorDefinition DEFINITION = CalculatorDefinition.newBuilder()
            .setId("demo")
            .setTitleZh("示例")
            .setTitleEn("Demo")
            .setAmountMeaning("担保额度 / Guarantee limit")
            .addInputs(InputField.newBuilder()
                    .setName("persons")
                    .setType(InputType.INTEGER)
                    .setUnit("persons")
                    .setRequired(true)
                    .setMinimum("1")
                    .setMaximum("10000")
                    .setDescriptionZh("创业人数")
                    .setDescriptionEn("Founders"))
            .addInputs(InputField.newBuilder()
                    .setName("rate")
                    .setType(InputType.DECIMAL)
                    .setUnit("ratio")
                    .setMinimum("0")
                    .setMinimumExclusive(true)
                    .setMaximum("1")
                    .setMaxScale(4)
                    .setDescriptionZh("费率")
                    .setDescriptionEn("Rate"))
            .addInputs(InputField.newBuilder()
                    .setName("recognised")
                    .setType(InputType.BOOLEAN)
                    .setDefaultValue("true")
                    .setDescriptionZh("已认定")
                    .setDescriptionEn("Recognised"))
            .addInputs(InputField.newBuilder()
                    .setName("kind")
                    .setType(InputType.ENUM)
                    .setRequired(true)
                    .addOptions(InputOption.newBuilder()
                            .setValue("a")
                            .setLabelZh("甲")
                            .setLabelEn("A"))
                    .setDescriptionZh("类别")
                    .setDescriptionEn("Kind"))
            .addOutputs("cap")
            .addOutputs("capApplied")
            .addOutputs("unlabelled")
            .build();

    private static CalculatorForm form(String query) {
        BeanProvider<cn.gov.qinghai.gateway.portal.PortalSection> none = new BeanProvider<>() {
            @Override
            public cn.gov.qinghai.gateway.portal.PortalSection get() {
                throw new IllegalStateException();
            }

            @Override
            public java.util.stream.Stream<cn.gov.qinghai.gateway.portal.PortalSection> stream() {
                return java.util.stream.Stream.empty();
            }
        };
        PortalPages pages = new PortalPages(
                new DomainCatalog(none), new ResourceBundleMessageSource("i18n.enterprise-cost"), false);
        SimpleHttpRequest<Object> request = new SimpleHttpRequest<>(HttpMethod.GET, "/enterprise-cost/demo", null);
        if (query.equals("?lang=en")) {
            request.cookie(Cookie.of(PortalLanguage.COOKIE, "en"));
        }
        return new CalculatorForm(DEFINITION, pages, request);
    }

    @Test
    void everyInputBecomesAFieldOfItsKindWithWhatItExpects() {
        List<CalculatorForm.Field> fields = form("").fields(Map.of("persons", "三个"), new FormErrors());
        assertEquals(
                List.of("persons", "rate", "recognised", "kind"),
                fields.stream().map(CalculatorForm.Field::name).toList());
        CalculatorForm.Field persons = fields.get(0);
        assertEquals("number", persons.kind());
        assertEquals("numeric", persons.inputMode());
        assertEquals("三个", persons.value(), "what was typed is kept");
        assertEquals("创业人数", persons.label());
        assertEquals("人数（整数），不小于 1，不超过 10000", persons.hint(), "hints in words (issue 20.3)");
        assertEquals("百分数，例如 5 表示 5%，大于 0%，不超过 100%；选填", fields.get(1).hint(), "a rate is a percentage");
        CalculatorForm.Field yesNo = fields.get(2);
        assertEquals("yesno", yesNo.kind());
        assertEquals(
                List.of("", "true", "false"),
                yesNo.options().stream().map(CalculatorForm.Option::value).toList());
        assertEquals("— 不选（按“是”计）—", yesNo.options().get(0).label(), "the blank choice says what it counts as");
        CalculatorForm.Field kind = fields.get(3);
        assertEquals("choice", kind.kind());
        assertEquals("甲", kind.options().get(1).label());
        assertEquals(
                "Founders",
                form("?lang=en").fields(Map.of(), new FormErrors()).get(0).label());
    }

    @Test
    void theServicesErrorsBecomeWhatTheInputExpectsInThePageLanguage() {
        FormErrors errors = new FormErrors();
        errors.field("persons", "persons", "must be a whole number, found '三个'");
        errors.field("kind", "kind", "is required (one of a)");
        errors.field("shoeSize", "shoeSize", "is not an input of this calculator (inputs: kind, persons)");
        form("").inPageLanguage(errors);
        assertEquals("请按要求填写：人数（整数），不小于 1，不超过 10000。", errors.get("persons").message());
        assertEquals(
                "must be a whole number, found '三个'", errors.get("persons").detail(), "the service's wording kept");
        assertEquals("此项必填：从列表中选择一项。", errors.get("kind").message());
        assertTrue(errors.getPage().contains("shoeSize"), "an input that is not on the form is named at the top");
        FormErrors en = new FormErrors().field("persons", "persons", "is required (a whole number persons)");
        form("?lang=en").inPageLanguage(en);
        assertEquals(
                "Required: a number of people (whole number), at least 1, at most 10000.",
                en.get("persons").message());
    }

    @Test
    void aRateIsTypedAsAPercentageAndSentAsTheFractionTheServiceExpects() {
        CalculatorForm form = form("");
        assertEquals("0.5", form.toService("rate", "50"));
        assertEquals("0.045", form.toService("rate", "4.5%"));
        assertEquals("3", form.toService("persons", "3"));
        assertEquals("三个", form.toService("persons", "三个"), "not a number: sent as typed, for the service to name");
        assertEquals("a", form.toService("kind", "a"));
    }

    @Test
    void outputsAreLabelledWithTheirUnitYesNoInWordsAndUnlabelledOnesByName() {
        Calculation result = Calculation.newBuilder()
                .putOutputs(
                        "cap", Value.newBuilder().setStringValue("2000000.00").build())
                .putOutputs("capApplied", Value.newBuilder().setBoolValue(true).build())
                .putOutputs("unlabelled", Value.newBuilder().setStringValue("x").build())
                .build();
        List<CalculatorForm.Output> outputs = form("").outputs(result);
        assertEquals("补助上限（元）", outputs.get(0).label());
        assertEquals("2000000.00", outputs.get(0).value());
        assertEquals("是", outputs.get(1).value());
        assertEquals("unlabelled", outputs.get(2).label());
        assertEquals("担保额度", form("").amountMeaning());
        assertFalse(form("?lang=en").title().isEmpty());
    }
}
