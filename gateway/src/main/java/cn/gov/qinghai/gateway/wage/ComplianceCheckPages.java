package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.whatif.WhatIfPanels;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.CheckComplianceResponse;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.List;
import java.util.Map;

/**
 * The payroll compliance check for one record (one thing per page): {@code /wage/compliance} lets the reader choose
 * between one record and a payroll file, {@code /wage/compliance/check} is the one-record form and its answer, the
 * result at the top of the page (CheckCompliance with one record).
 */
@Controller("/wage/compliance")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ComplianceCheckPages extends DomainPages<WageServiceGrpc.WageServiceBlockingStub> {

    private static final String SERVICE = MinimumWagePages.SERVICE;

    private final WhatIfPanels whatIf;

    ComplianceCheckPages(
            WageServiceGrpc.WageServiceBlockingStub wage,
            Downstream downstream,
            PortalPages pages,
            WhatIfPanels whatIf) {
        super(SERVICE, wage, downstream, pages);
        this.whatIf = whatIf;
    }

    /** The choice: check one record, or upload a payroll file. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> start(HttpRequest<?> request) {
        return pages.render("wage/compliance-start", model(request));
    }

    /** The one-record form, empty. */
    @Get(uri = "/check", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> form(HttpRequest<?> request) {
        return pages.render("wage/compliance-check", model(request, ComplianceForm.empty(), new FormErrors()));
    }

    /** Checks one payroll record typed into the form; the answer is shown above the form, which keeps the input. */
    @Post(uri = "/check", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> check(HttpRequest<?> request, @Body Map<String, String> body) {
        Map<String, String> form = ComplianceForm.typed(body);
        FormErrors errors = new FormErrors();
        Map<String, Object> model = model(request, form, errors);
        CheckComplianceRequest.Builder grpc =
                CheckComplianceRequest.newBuilder().addRecords(ComplianceForm.record(form));
        if (WhatIfPanels.asked(body)) {
            whatIf.reform(request, body, errors).ifPresent(grpc::setReform);
        }
        // only the supposition refused: the check under the law, the panel showing its error
        WhatIfPanels.answer(
                grpc.hasReform(),
                () -> call(request, s -> s.checkCompliance(grpc.build())),
                () -> call(request, s -> s.checkCompliance(grpc.clearReform().build())),
                response -> show(request, model, body, response),
                e -> readErrors(request, e, errors),
                errors);
        return pages.render(errors.status(), "wage/compliance-check", model);
    }

    private void readErrors(HttpRequest<?> request, DownstreamException e, FormErrors errors) {
        if (!errors.read(
                e,
                request,
                pages,
                MinimumWagePages.TITLE,
                "wage.error.",
                p -> WhatIfPanels.formField(ComplianceForm.recordField(p)))) {
            errors.unexpected(request, pages);
        }
        whatIf.panelErrorsInPageWords(request, errors);
    }

    private void show(
            HttpRequest<?> request,
            Map<String, Object> model,
            Map<String, String> typed,
            CheckComplianceResponse response) {
        ComplianceResult result = response.getResults(0);
        model.put("result", result);
        model.put("panel", whatIf.panel(request, result.getExplanation(), typed));
        if (response.hasReformResponse()) {
            ComplianceResult reform = response.getReformResponse().getResults(0);
            model.put("reformResult", reform);
            model.put(
                    "comparison",
                    WhatIfPanels.compare(
                            List.of(
                                    new WhatIfPanels.Row(
                                            pages.message(request, "compliance.result"),
                                            verdict(request, result),
                                            verdict(request, reform)),
                                    new WhatIfPanels.Row(
                                            pages.message(request, "compliance.standardApplied"),
                                            result.getStandardApplied(),
                                            reform.getStandardApplied()),
                                    new WhatIfPanels.Row(
                                            pages.message(request, "compliance.minimumRequired"),
                                            result.getMinimumRequired(),
                                            reform.getMinimumRequired()),
                                    new WhatIfPanels.Row(
                                            pages.message(request, "compliance.countedPay"),
                                            result.getCountedPay(),
                                            reform.getCountedPay()),
                                    new WhatIfPanels.Row(
                                            pages.message(request, "compliance.shortfall"),
                                            result.getShortfall(),
                                            reform.getShortfall())),
                            response.getReformDifferences().getChangedStepsList(),
                            PortalLanguage.isEnglish(pages.locale(request))));
        }
    }

    private String verdict(HttpRequest<?> request, ComplianceResult r) {
        return pages.message(request, r.getCompliant() ? "compliance.compliant" : "compliance.notCompliant");
    }

    /** The form's former address: bookmarks and scripts posting to {@code /wage/compliance} get the same answer. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> checkAtFormerAddress(
            HttpRequest<?> request, @Body Map<String, String> body) {
        return check(request, body);
    }

    private Map<String, Object> model(HttpRequest<?> request, Map<String, String> form, FormErrors errors) {
        Map<String, Object> model = model(request);
        model.put("form", form);
        model.put("errors", errors);
        model.put("regions", Regions.provinceAndPrefectures());
        return model;
    }
}
