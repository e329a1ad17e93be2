package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.portal.PortalSection;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryRequest;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.Status;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wage domain's entry page (青政〔2017〕41号): the minimum wage by region and date with its history. The payroll
 * checks have pages of their own ({@link ComplianceCheckPages} for one record, {@link PayrollUploadPages} for a CSV
 * file). Every page calls the wage service over gRPC; nothing here knows a figure of the policy.
 */
@Controller("/wage")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MinimumWagePages extends DomainPages<WageServiceGrpc.WageServiceBlockingStub> implements PortalSection {

    static final String SERVICE = "wage";
    static final String TITLE = "domain.wage";

    MinimumWagePages(WageServiceGrpc.WageServiceBlockingStub wage, Downstream downstream, PortalPages pages) {
        super(SERVICE, wage, downstream, pages);
    }

    /** Minimum wage in force for a region on a date, and every standard the region has had. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> minimumWage(
            HttpRequest<?> request, @Nullable @QueryValue String region, @Nullable @QueryValue String date) {
        Map<String, Object> model = model(request);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("region", region == null ? "" : region.trim());
        form.put("date", date == null ? "" : date.trim());
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        model.put("regions", Regions.provinceAndPrefectures());
        // A region alone shows its history; a date asks for the standard in force then.
        boolean asked = date != null;
        if (asked) {
            if (form.get("region").isEmpty()) {
                errors.field("region", pages.message(request, "wage.error.region"), "");
            }
            if (form.get("date").isEmpty()) {
                errors.field("date", pages.message(request, "wage.error.date"), "");
            }
        }
        if (asked && !errors.any()) {
            GetMinimumWageRequest grpc = GetMinimumWageRequest.newBuilder()
                    .setRegion(form.get("region"))
                    .setDate(form.get("date"))
                    .build();
            try {
                MinimumWage answer = call(request, s -> s.getMinimumWage(grpc));
                model.put("answer", answer);
            } catch (DownstreamException e) {
                if (!errors.read(e, request, pages, TITLE, "wage.error.", f -> f)) {
                    Status.Code code = e.grpc().getStatus().getCode();
                    String key = code == Status.Code.FAILED_PRECONDITION
                            ? "wage.error.provinceBefore2017"
                            : code == Status.Code.NOT_FOUND ? "wage.error.noStandard" : "wage.error.other";
                    // 422, not 404: Micronaut would replace a 404 page with the global not-found route
                    errors.page(
                            code == Status.Code.NOT_FOUND ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT,
                            pages.message(request, key, form.get("date")));
                    model.put("serviceDetail", e.grpc().getStatus().getDescription());
                }
            }
        }
        if (!form.get("region").isEmpty() && !errors.has("region")) {
            history(request, form.get("region"), model, errors);
        }
        return pages.render(errors.status(), "wage/minimum-wage", model);
    }

    private void history(HttpRequest<?> request, String region, Map<String, Object> model, FormErrors errors) {
        ListMinimumWageHistoryRequest grpc = ListMinimumWageHistoryRequest.newBuilder()
                .setRegion(region)
                .setPageSize(1000)
                .build();
        try {
            model.put("history", call(request, s -> s.listMinimumWageHistory(grpc)));
            model.put(
                    "regionName",
                    Regions.find(region)
                            .map(r -> pages.locale(request).getLanguage().equals("en") ? r.nameEn() : r.nameZh())
                            .orElse(region));
        } catch (DownstreamException e) {
            errors.read(e, request, pages, TITLE, "wage.error.", f -> f);
        }
    }

    /** The wage pages' messages ({@code i18n/wage*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("wage-portal")
        MessageSource wagePortalMessages() {
            return new ResourceBundleMessageSource("i18n.wage");
        }
    }
}
