package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.MedicalAssistance;
import cn.gov.qinghai.dibao.v1.MedicalAssistanceRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
import cn.gov.qinghai.gateway.portal.PortalNumbers;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.whatif.WhatIfPanels;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The medical-assistance calculator for the key groups (青政办〔2017〕86号 二(一)): one person's year, group, age,
 * eligible expenses and the local base ratio (typed as a percentage) → the ratio applied, the cap and the
 * assistance, with the working; and the "what if" panel on the figures of 二(一). POST, since age and medical
 * expenses are personal. One {@code CalculateMedicalAssistance} call per answer.
 */
@Controller("/dibao/medical-assistance")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class MedicalAssistancePages extends DomainPages<DibaoServiceGrpc.DibaoServiceBlockingStub> {

    private static final String SERVICE = "dibao";
    static final List<String> FIELDS = List.of(
            "year",
            "group",
            "age",
            "eligibleExpenses",
            "baseRatio",
            "paidThisYear",
            "insurancePersonalContribution",
            "localCap");
    static final List<String> GROUPS = List.of("DIBAO", "TEKUN", "REGISTERED_POOR", "OTHER");

    private final WhatIfPanels whatIf;

    MedicalAssistancePages(
            DibaoServiceGrpc.DibaoServiceBlockingStub dibao,
            Downstream downstream,
            PortalPages pages,
            WhatIfPanels whatIf) {
        super(SERVICE, dibao, downstream, pages);
        this.whatIf = whatIf;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> form(HttpRequest<?> request) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        return pages.render("dibao/medical-assistance", model(request, form, new FormErrors()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> calculate(HttpRequest<?> request, @Body Map<String, String> body) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, body.getOrDefault(f, "").trim()));
        FormErrors errors = new FormErrors();
        Map<String, Object> model = model(request, form, errors);
        MedicalAssistanceRequest.Builder grpc = MedicalAssistanceRequest.newBuilder()
                .setGroup(form.get("group"))
                .setEligibleExpenses(amount(form.get("eligibleExpenses")))
                .setBaseRatio(rate(form.get("baseRatio")))
                .setPaidThisYear(amount(form.get("paidThisYear")))
                .setInsurancePersonalContribution(amount(form.get("insurancePersonalContribution")))
                .setLocalCap(amount(form.get("localCap")));
        // whole numbers are checked here (the request holds them as numbers); the service checks everything else
        wholeNumber(form.get("year"), "year", request, errors).ifPresent(grpc::setYear);
        wholeNumber(form.get("age"), "age", request, errors).ifPresent(grpc::setAge);
        if (WhatIfPanels.asked(body)) {
            whatIf.reform(request, body, errors).ifPresent(grpc::setReform);
        }
        WhatIfPanels.answer(
                grpc.hasReform(),
                () -> call(request, s -> s.calculateMedicalAssistance(grpc.build())),
                () -> call(
                        request,
                        s -> s.calculateMedicalAssistance(grpc.clearReform().build())),
                answer -> {
                    if (!errors.has("year") && !errors.has("age")) {
                        show(request, model, body, answer);
                    }
                },
                e -> readErrors(request, e, errors),
                errors);
        return pages.render(errors.status(), "dibao/medical-assistance", model);
    }

    private void show(
            HttpRequest<?> request, Map<String, Object> model, Map<String, String> typed, MedicalAssistance answer) {
        model.put("result", answer);
        model.put("ratioApplied", WhatIfPanels.percent(answer.getRatioApplied()));
        model.put("panel", whatIf.panel(request, answer.getExplanation(), typed));
        if (answer.hasReformAssistance()) {
            MedicalAssistance reform = answer.getReformAssistance();
            model.put("reformResult", reform);
            model.put(
                    "comparison",
                    WhatIfPanels.compare(
                            List.of(
                                    row(
                                            request,
                                            "ma.ratioApplied",
                                            WhatIfPanels.percent(answer.getRatioApplied()),
                                            WhatIfPanels.percent(reform.getRatioApplied())),
                                    row(
                                            request,
                                            "ma.capApplied",
                                            orNone(request, answer.getCapApplied()),
                                            orNone(request, reform.getCapApplied())),
                                    row(request, "ma.assistance", answer.getAssistance(), reform.getAssistance()),
                                    row(
                                            request,
                                            "ma.contributionSubsidy",
                                            answer.getInsuranceContributionSubsidy(),
                                            reform.getInsuranceContributionSubsidy())),
                            answer.getReformDifferences().getChangedStepsList(),
                            PortalLanguage.isEnglish(pages.locale(request))));
        }
    }

    private WhatIfPanels.Row row(HttpRequest<?> request, String key, String baseline, String reform) {
        return new WhatIfPanels.Row(pages.message(request, key), baseline, reform);
    }

    private String orNone(HttpRequest<?> request, String cap) {
        return cap.isEmpty() ? pages.message(request, "ma.noCap") : cap;
    }

    private void readErrors(HttpRequest<?> request, DownstreamException e, FormErrors errors) {
        if (!errors.read(e, request, pages, "ma.service", "ma.error.", WhatIfPanels::formField)) {
            errors.page(HttpStatus.CONFLICT, pages.message(request, "ma.error.other"));
        }
        whatIf.panelErrorsInPageWords(request, errors);
    }

    private Optional<Integer> wholeNumber(String typed, String field, HttpRequest<?> request, FormErrors errors) {
        if (typed.isEmpty()) {
            return Optional.empty(); // the service names a missing required number
        }
        try {
            return Optional.of(PortalNumbers.integer(typed).orElseThrow(NumberFormatException::new));
        } catch (NumberFormatException e) {
            errors.field(field, pages.message(request, "ma.error." + field), "");
            return Optional.empty();
        }
    }

    /** An amount as typed ("1万", "20,000") in plain digits; anything else as typed, for the service to name. */
    private static String amount(String typed) {
        return PortalNumbers.amount(typed).map(PortalNumbers::plain).orElse(typed);
    }

    /** A rate typed as a percentage ("70", "70%") as the fraction the service takes ("0.7"). */
    private static String rate(String typed) {
        return PortalNumbers.percent(typed).map(PortalNumbers::plain).orElse(typed);
    }

    private Map<String, Object> model(HttpRequest<?> request, Map<String, String> form, FormErrors errors) {
        Map<String, Object> model = model(request);
        model.put("form", form);
        model.put("errors", errors);
        model.put("groups", GROUPS);
        return model;
    }

    /** The calculator's messages ({@code i18n/medical-assistance*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("medical-assistance-portal")
        MessageSource medicalAssistancePortalMessages() {
            return new ResourceBundleMessageSource("i18n.medical-assistance");
        }
    }
}
