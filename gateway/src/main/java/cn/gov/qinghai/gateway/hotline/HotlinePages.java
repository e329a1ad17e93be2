package cn.gov.qinghai.gateway.hotline;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.portal.PortalSection;
import cn.gov.qinghai.hotline.v1.Category;
import cn.gov.qinghai.hotline.v1.GetTicketRequest;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.ListCategoriesRequest;
import cn.gov.qinghai.hotline.v1.ListRolloutRequest;
import cn.gov.qinghai.hotline.v1.Principle;
import cn.gov.qinghai.hotline.v1.Source;
import cn.gov.qinghai.hotline.v1.SubmitTicketRequest;
import cn.gov.qinghai.hotline.v1.SubmitTicketResponse;
import cn.gov.qinghai.kit.region.Regions;
import io.grpc.Status;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public 12345 pages (青政办〔2017〕96号 三(二) publicity: "让广大群众知晓12345民生服务热线与公安110报警服务台的职能
 * 分工，引导群众按照轻重缓急选择合适的求助渠道"): what 110 keeps and what 12345 takes, where 12345 runs, a form to
 * submit a non-emergency matter (an emergency gets "call 110 now", never a ticket) and tracking by number.
 */
@Controller("/hotline")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HotlinePages extends DomainPages<HotlineServiceGrpc.HotlineServiceBlockingStub> implements PortalSection {

    private static final String SERVICE = HotlineReportsController.SERVICE;
    private static final List<String> FIELDS = List.of("requestId", "description", "region", "address", "callerPhone");

    private final HotlineNames names;

    HotlinePages(
            HotlineServiceGrpc.HotlineServiceBlockingStub hotline,
            Downstream downstream,
            PortalPages pages,
            HotlineNames names) {
        super(SERVICE, hotline, downstream, pages);
        this.names = names;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> index(HttpRequest<?> request) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        form.put("requestId", "portal-" + UUID.randomUUID());
        FormErrors errors = new FormErrors();
        return pages.render(errors.status(), "hotline/index", model(request, form, errors));
    }

    /** Submits the form. The request id travels in a hidden field, so a resubmitted form never makes two tickets. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> submit(HttpRequest<?> request, @Body Map<String, String> body) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, body.getOrDefault(f, "").trim()));
        FormErrors errors = new FormErrors();
        Map<String, Object> model = model(request, form, errors);
        SubmitTicketRequest r = SubmitTicketRequest.newBuilder()
                .setRequestId(form.get("requestId"))
                .setDescription(form.get("description"))
                .setRegion(form.get("region"))
                .setAddress(form.get("address"))
                .setCallerPhone(form.get("callerPhone"))
                .setSource(Source.PORTAL)
                .build();
        try {
            SubmitTicketResponse answer = call(request, s -> s.submitTicket(r));
            model.put("answer", answer);
            if (answer.hasTicket()) {
                form.put("requestId", "portal-" + UUID.randomUUID());
            }
        } catch (DownstreamException e) {
            if (!errors.read(e, request, pages, "domain.hotline", "hotline.error.", f -> f)) {
                errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
            }
        }
        return pages.render(errors.status(), "hotline/index", model);
    }

    @Get(uri = "/track", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> track(HttpRequest<?> request, @Nullable @QueryValue String number) {
        Map<String, Object> model = model(request);
        model.put("names", names);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("number", number == null ? "" : number.trim().toUpperCase());
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        if (!form.get("number").isEmpty()) {
            GetTicketRequest r =
                    GetTicketRequest.newBuilder().setNumber(form.get("number")).build();
            try {
                model.put("ticket", call(request, s -> s.getTicket(r)));
            } catch (DownstreamException e) {
                if (e.grpc().getStatus().getCode() == Status.Code.NOT_FOUND) {
                    errors.field("number", pages.message(request, "hotline.error.notFound"), "");
                    errors.page(HttpStatus.NOT_FOUND, pages.message(request, "hotline.error.notFound"));
                } else if (!errors.read(e, request, pages, "domain.hotline", "hotline.error.", f -> f)) {
                    errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
                }
            }
        }
        return pages.render(errors.status(), "hotline/track", model);
    }

    private Map<String, Object> model(HttpRequest<?> request, Map<String, String> form, FormErrors errors) {
        Map<String, Object> model = model(request);
        model.put("names", names);
        model.put("form", form);
        model.put("errors", errors);
        model.put("regions", Regions.prefectures());
        try {
            List<Category> categories = call(request, s -> s.listCategories(ListCategoriesRequest.getDefaultInstance()))
                    .getCategoriesList();
            model.put(
                    "emergency",
                    categories.stream()
                            .filter(c -> c.getPrinciple() == Principle.EMERGENCY)
                            .toList());
            model.put(
                    "joint",
                    categories.stream()
                            .filter(c -> c.getPrinciple() == Principle.JOINT)
                            .toList());
            model.put(
                    "diverted",
                    categories.stream()
                            .filter(c -> c.getPrinciple() == Principle.DIVERSION)
                            .toList());
            model.put("rollout", call(request, s -> s.listRollout(ListRolloutRequest.getDefaultInstance())));
        } catch (DownstreamException e) {
            if (!errors.read(e, request, pages, "domain.hotline", "hotline.error.", f -> f)) {
                errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
            }
        }
        return model;
    }

    /** The hotline pages' messages ({@code i18n/hotline*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("hotline-portal")
        MessageSource hotlinePortalMessages() {
            return new ResourceBundleMessageSource("i18n.hotline");
        }
    }
}
