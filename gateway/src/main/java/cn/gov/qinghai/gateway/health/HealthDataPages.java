package cn.gov.qinghai.gateway.health;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.portal.PortalSection;
import cn.gov.qinghai.health.v1.GetOpenStatisticsRequest;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.health.v1.StatisticsTable;
import cn.gov.qinghai.kit.region.Regions;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.util.function.UnaryOperator;

/**
 * The public health-data page (青政办〔2017〕80号): the open, de-identified encounter statistics of 三(二)
 * ({@code GetOpenStatistics}, anonymous) as a table by one or two dimensions, small cells shown as suppressed, never
 * as zero. Early-warning alerts (二(二)6) are not shown: {@code GetEarlyWarnings} answers only role
 * {@code health:public-health} within its region, and the portal does not borrow a department's authority for the
 * public (decision in docs/portal.md); the page says where alerts are published instead.
 */
@Controller("/health-data")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthDataPages extends DomainPages<HealthDataServiceGrpc.HealthDataServiceBlockingStub>
        implements PortalSection {

    private static final String SERVICE = "health-data";
    /** The service's dimensions, in the order offered on the form. */
    static final List<String> DIMENSIONS = List.of("region", "sex", "ageBand", "disease", "year", "quarter", "county");

    HealthDataPages(
            HealthDataServiceGrpc.HealthDataServiceBlockingStub health, Downstream downstream, PortalPages pages) {
        super(SERVICE, health, downstream, pages);
    }

    /**
     * The statistics table; a first visit shows encounters by prefecture and sex. Filters and dimensions are the
     * service's; it validates them and its field errors are shown next to the inputs.
     */
    /** The period shown when no dates are chosen: the year of the platform's documents. */
    static final String FIRST_DAY = "2017-01-01";

    static final String LAST_DAY = "2017-12-31";

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> statistics(HttpRequest<?> request) {
        Map<String, Object> model = model(request);
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : List.of("rows", "columns", "region", "diagnosisPrefix", "from", "to")) {
            form.put(
                    name,
                    request.getParameters().getFirst(name).map(String::trim).orElse(""));
        }
        boolean firstVisit = !request.getParameters().contains("rows");
        if (firstVisit) {
            form.put("rows", "region");
            form.put("columns", "sex");
        }
        if (form.get("from").isEmpty() && form.get("to").isEmpty()) {
            // The portal presents the 2017 documents: with no dates chosen it shows 2017, and says so in the date
            // inputs, rather than every year on record (records made today showed as a 2026 column, issue 20).
            form.put("from", FIRST_DAY);
            form.put("to", LAST_DAY);
        }
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        model.put("dimensions", DIMENSIONS);
        model.put("regions", Regions.prefectures());
        if (form.get("rows").isEmpty()) {
            errors.field("rows", pages.message(request, "health.error.rows"), "");
        } else if (form.get("rows").equals(form.get("columns"))) {
            errors.field("columns", pages.message(request, "health.error.columns"), "");
        } else {
            GetOpenStatisticsRequest.Builder grpc = GetOpenStatisticsRequest.newBuilder()
                    .addDimensions(form.get("rows"))
                    .setRegion(form.get("region"))
                    .setDiagnosisPrefix(form.get("diagnosisPrefix"))
                    .setFrom(form.get("from"))
                    .setTo(form.get("to"));
            if (!form.get("columns").isEmpty()) {
                grpc.addDimensions(form.get("columns"));
            }
            try {
                StatisticsTable table = call(request, s -> s.getOpenStatistics(grpc.build()));
                model.put("table", new CrossTable(table, keyLabels(request)));
                model.put("explanation", table.getExplanation());
                model.put("threshold", table.getThreshold());
            } catch (DownstreamException e) {
                if (!errors.read(
                        e, request, pages, "domain.health-data", "health.error.", HealthDataPages::formField)) {
                    errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
                }
            }
        }
        return pages.render(errors.status(), "health-data/statistics", model);
    }

    /** The service's field names to the form's: the dimensions list is the row and column choice. */
    static String formField(String path) {
        if (path.startsWith("dimensions")) {
            return path.endsWith("[1]") ? "columns" : "rows";
        }
        return path;
    }

    /** Dimension values as people read them: prefecture names, 男/女, age bands as "15–44", "*" as the total. */
    private UnaryOperator<String> keyLabels(HttpRequest<?> request) {
        boolean english = PortalLanguage.isEnglish(pages.locale(request));
        String total = pages.message(request, "health.total");
        return key -> {
            if (key.equals("*")) {
                return total;
            }
            if (key.matches("63\\d{4}")) {
                return Regions.find(key)
                        .map(r -> english ? r.nameEn() : r.nameZh())
                        .orElse(key);
            }
            if (key.equals("M") || key.equals("F")) {
                return pages.message(request, "health.sex." + key);
            }
            if (key.matches("\\d{3}-\\d{3}")) {
                return Integer.parseInt(key.substring(0, 3)) + "–" + Integer.parseInt(key.substring(4));
            }
            if (key.matches("\\d{3}\\+")) {
                return Integer.parseInt(key.substring(0, 3)) + "+";
            }
            return key;
        };
    }

    /** The health-data pages' messages ({@code i18n/health-data*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("health-data-portal")
        MessageSource healthDataPortalMessages() {
            return new ResourceBundleMessageSource("i18n.health-data");
        }
    }
}
