package cn.gov.qinghai.gateway.retail;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.portal.PortalSection;
import cn.gov.qinghai.retail.v1.GetTraceRequest;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
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
 * The public retail page (青政办〔2017〕85号 一(三)): trace a product batch by its code, event by event, with the
 * verification of the signed hash chain. One {@code GetTrace} call.
 */
@Controller("/retail")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RetailPages extends DomainPages<RetailServiceGrpc.RetailServiceBlockingStub> implements PortalSection {

    private static final String SERVICE = "retail";

    RetailPages(RetailServiceGrpc.RetailServiceBlockingStub retail, Downstream downstream, PortalPages pages) {
        super(SERVICE, retail, downstream, pages);
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> trace(HttpRequest<?> request, @Nullable @QueryValue String batch) {
        Map<String, Object> model = model(request);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("batch", batch == null ? "" : batch.trim());
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        if (batch != null) {
            if (form.get("batch").isEmpty()) {
                errors.field("batchCode", pages.message(request, "retail.error.batchCode"), "");
            } else {
                GetTraceRequest grpc = GetTraceRequest.newBuilder()
                        .setBatchCode(form.get("batch"))
                        .build();
                try {
                    model.put("trace", call(request, s -> s.getTrace(grpc)));
                } catch (DownstreamException e) {
                    if (!errors.read(e, request, pages, "domain.retail", "retail.error.", f -> f)) {
                        if (e.grpc().getStatus().getCode() == Status.Code.NOT_FOUND) {
                            // 422 with the message at the field, not 404: Micronaut would replace a 404 page with
                            // the global not-found route
                            errors.field("batchCode", pages.message(request, "retail.error.notFound"), "");
                        } else {
                            errors.page(
                                    HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
                        }
                    }
                }
            }
        }
        return pages.render(errors.status(), "retail/trace", model);
    }

    /** The retail pages' messages ({@code i18n/retail*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("retail-portal")
        MessageSource retailPortalMessages() {
            return new ResourceBundleMessageSource("i18n.retail");
        }
    }
}
