package cn.gov.qinghai.gateway.enterprisecost;

import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.enterprisecost.v1.CalculatorDefinition;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.enterprisecost.v1.GetCalculatorRequest;
import cn.gov.qinghai.enterprisecost.v1.ListCalculatorsRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.portal.PortalSection;
import cn.gov.qinghai.gateway.whatif.WhatIfPanels;
import io.grpc.Status;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public enterprise-cost calculators (青政〔2017〕43号, 42号 六–八). Nothing here knows any calculator: the list
 * and every form are built from the service's catalogue ({@code ListCalculators}, {@code GetCalculator}), each input
 * becoming a labelled field of its type with its unit and range ({@link CalculatorForm}); a submitted form is one
 * {@code Calculate} call, whose field errors come back by input name and are shown next to that input.
 */
@Controller("/enterprise-cost")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EnterpriseCostPages extends DomainPages<EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub>
        implements PortalSection {

    private static final String SERVICE = "enterprise-cost";
    /** Form parameters that are not calculator inputs. */
    private static final Set<String> CONTROL =
            Set.of("lang", "date", "submitted", WhatIfPanels.CHOICE, WhatIfPanels.VALUE);

    private final WhatIfPanels whatIf;

    EnterpriseCostPages(
            EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub service,
            Downstream downstream,
            PortalPages pages,
            WhatIfPanels whatIf) {
        super(SERVICE, service, downstream, pages);
        this.whatIf = whatIf;
    }

    /** Every calculator of the catalogue with its clauses, each linking to its form. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> list(HttpRequest<?> request) {
        Map<String, Object> model = model(request);
        FormErrors errors = new FormErrors();
        model.put("errors", errors);
        try {
            model.put(
                    "calculators",
                    call(request, s -> s.listCalculators(ListCalculatorsRequest.getDefaultInstance()))
                            .getCalculatorsList());
        } catch (DownstreamException e) {
            pageError(e, request, errors);
        }
        return pages.render(errors.status(), "enterprise-cost/list", model);
    }

    /**
     * One calculator: its form (generated from the definition), and after a submission the result with its unit,
     * the reasons and the explanation, or the errors next to their inputs with what was typed kept.
     */
    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> calculator(HttpRequest<?> request, @PathVariable String id) {
        Map<String, Object> model = model(request);
        FormErrors errors = new FormErrors();
        model.put("errors", errors);
        CalculatorDefinition definition;
        try {
            definition = call(
                    request,
                    s -> s.getCalculator(
                            GetCalculatorRequest.newBuilder().setId(id).build()));
        } catch (DownstreamException e) {
            if (e.grpc().getStatus().getCode() == Status.Code.NOT_FOUND) {
                model.put("message", pages.message(request, "error.notFound"));
                return pages.render(HttpStatus.NOT_FOUND, "error", model);
            }
            pageError(e, request, errors);
            return pages.render(errors.status(), "enterprise-cost/list", model);
        }
        Map<String, String> typed = new LinkedHashMap<>();
        request.getParameters()
                .forEach((name, values) ->
                        typed.put(name, values.isEmpty() ? "" : values.get(0).trim()));
        CalculatorForm form = new CalculatorForm(definition, pages, request);
        model.put("calculator", definition);
        model.put("title", form.title());
        model.put("amountMeaning", form.amountMeaning());
        model.put("date", typed.getOrDefault("date", ""));
        if (typed.containsKey("submitted")) {
            // the day whose rules apply is asked, never assumed: "today" would silently mean another year's rules
            if (typed.getOrDefault("date", "").isEmpty()) {
                errors.field("date", pages.message(request, "ec.error.dateMissing"), "");
            }
            CalculateRequest.Builder grpc = CalculateRequest.newBuilder()
                    .setCalculatorId(definition.getId())
                    .setDate(typed.getOrDefault("date", ""));
            typed.forEach((name, value) -> {
                if (!CONTROL.contains(name) && !value.isEmpty()) {
                    grpc.putInputs(name, form.toService(name, value));
                }
            });
            if (WhatIfPanels.asked(typed)) {
                whatIf.reform(request, typed, errors).ifPresent(grpc::setReform);
            }
            if (errors.has("date")) {
                // still name every other invalid input at once: ask the service on the rule's first day, keep
                // only its field errors, never show an answer for a day the reader did not choose
                try {
                    call(
                            request,
                            s -> s.calculate(grpc.clearReform()
                                    .setDate(definition.getEffectiveFrom())
                                    .build()));
                } catch (DownstreamException e) {
                    readErrors(e, request, errors, form);
                }
            } else {
                try {
                    show(request, model, form, typed, call(request, s -> s.calculate(grpc.build())));
                } catch (DownstreamException e) {
                    readErrors(e, request, errors, form);
                    if (grpc.hasReform() && WhatIfPanels.onlyThePanelRefused(errors)) {
                        // only the supposition was refused: answer under the law, the panel showing its error
                        calculateWithoutReform(request, model, form, typed, grpc.clearReform(), errors);
                    }
                }
            }
        }
        model.put("fields", form.fields(typed, errors));
        return pages.render(errors.status(), "enterprise-cost/calculator", model);
    }

    /**
     * A refused calculation: each invalid input is named next to its field in the page's language (what the field
     * expects, from the catalogue) with the service's wording beside it; a date before the rule was in force is
     * shown next to the date.
     */
    private void readErrors(DownstreamException e, HttpRequest<?> request, FormErrors errors, CalculatorForm form) {
        Status.Code code = e.grpc().getStatus().getCode();
        if (code == Status.Code.NOT_FOUND || code == Status.Code.FAILED_PRECONDITION) {
            errors.field(
                    "date",
                    pages.message(request, "ec.error.date", form.effectiveFrom()),
                    e.grpc().getStatus().getDescription());
            return;
        }
        if (!errors.read(e, request, pages, "domain.enterprise-cost", "ec.error.", WhatIfPanels::formField)) {
            errors.unexpected(request, pages);
        }
        form.inPageLanguage(errors);
    }

    private void show(
            HttpRequest<?> request,
            Map<String, Object> model,
            CalculatorForm form,
            Map<String, String> typed,
            Calculation result) {
        model.put("result", result);
        model.put("outputs", form.outputs(result));
        model.put("panel", whatIf.panel(request, result.getExplanation(), typed));
        if (result.hasReformCalculation()) {
            model.put("comparison", comparison(request, form, result));
            model.put("reformResult", result.getReformCalculation());
            model.put(
                    "reformCaveats",
                    whatIf.caveats(request, result.getReformCalculation().getExplanation(), typed));
        }
    }

    private void calculateWithoutReform(
            HttpRequest<?> request,
            Map<String, Object> model,
            CalculatorForm form,
            Map<String, String> typed,
            CalculateRequest.Builder grpc,
            FormErrors errors) {
        try {
            show(request, model, form, typed, call(request, s -> s.calculate(grpc.build())));
        } catch (DownstreamException again) {
            readErrors(again, request, errors, form);
        }
    }

    /** The law's answer and the supposition's, output by output, in the same words as the result above. */
    private WhatIfPanels.Comparison comparison(HttpRequest<?> request, CalculatorForm form, Calculation result) {
        Calculation reform = result.getReformCalculation();
        List<WhatIfPanels.Row> rows = new ArrayList<>();
        rows.add(new WhatIfPanels.Row(
                pages.message(request, "ec.compare.eligible"),
                pages.message(request, result.getEligible() ? "ec.yes" : "ec.no"),
                pages.message(request, reform.getEligible() ? "ec.yes" : "ec.no")));
        if (!result.getAmount().isEmpty() || !reform.getAmount().isEmpty()) {
            rows.add(new WhatIfPanels.Row(form.amountLabel(), result.getAmount(), reform.getAmount()));
        }
        Map<String, CalculatorForm.Output> after = new LinkedHashMap<>();
        form.outputs(reform).forEach(o -> after.put(o.name(), o));
        for (CalculatorForm.Output o : form.outputs(result)) {
            CalculatorForm.Output r = after.get(o.name());
            rows.add(new WhatIfPanels.Row(o.label(), o.value(), r == null ? "—" : r.value()));
        }
        return WhatIfPanels.compare(
                rows,
                result.getReformDifferences().getChangedStepsList(),
                PortalLanguage.isEnglish(pages.locale(request)));
    }

    private void pageError(DownstreamException e, HttpRequest<?> request, FormErrors errors) {
        if (!errors.read(e, request, pages, "domain.enterprise-cost", "ec.error.", f -> f)) {
            errors.unexpected(request, pages);
        }
    }

    /** The enterprise-cost pages' messages ({@code i18n/enterprise-cost*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("enterprise-cost-portal")
        MessageSource enterpriseCostPortalMessages() {
            return new ResourceBundleMessageSource("i18n.enterprise-cost");
        }
    }
}
