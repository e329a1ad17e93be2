package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.CheckComplianceResponse;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
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
class ComplianceCheckPages {

    private static final String SERVICE = MinimumWagePages.SERVICE;

    private final WageServiceGrpc.WageServiceBlockingStub wage;
    private final Downstream downstream;
    private final PortalPages pages;

    ComplianceCheckPages(WageServiceGrpc.WageServiceBlockingStub wage, Downstream downstream, PortalPages pages) {
        this.wage = wage;
        this.downstream = downstream;
        this.pages = pages;
    }

    /** The choice: check one record, or upload a payroll file. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> start(HttpRequest<?> request) {
        return pages.render("wage/compliance-start", pages.model(request, SERVICE));
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
        CheckComplianceRequest grpc = CheckComplianceRequest.newBuilder()
                .addRecords(ComplianceForm.record(form)).build();
        try {
            CheckComplianceResponse response = downstream.call(SERVICE, request, wage, s -> s.checkCompliance(grpc));
            model.put("result", response.getResults(0));
        } catch (DownstreamException e) {
            if (!errors.read(e, request, pages, MinimumWagePages.TITLE, "wage.error.", ComplianceForm::recordField)) {
                errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
            }
        }
        return pages.render(errors.status(), "wage/compliance-check", model);
    }

    /** The form's former address: bookmarks and scripts posting to {@code /wage/compliance} get the same answer. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> checkAtFormerAddress(HttpRequest<?> request,
                                                                          @Body Map<String, String> body) {
        return check(request, body);
    }

    private Map<String, Object> model(HttpRequest<?> request, Map<String, String> form, FormErrors errors) {
        Map<String, Object> model = pages.model(request, SERVICE);
        model.put("form", form);
        model.put("errors", errors);
        model.put("regions", Regions.provinceAndPrefectures());
        return model;
    }
}
