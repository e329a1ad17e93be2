package cn.gov.qinghai.gateway.broadband;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.broadband.v1.GetInvestmentSummaryRequest;
import cn.gov.qinghai.broadband.v1.Indicator;
import cn.gov.qinghai.broadband.v1.InvestmentSummary;
import cn.gov.qinghai.broadband.v1.ListIndicatorsRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalPages;
import cn.gov.qinghai.gateway.portal.PortalSection;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The public broadband dashboard (青政办〔2017〕93号 实施方案 四(四): monthly publication, 接受社会监督): planned vs
 * actual investment by category and by owner as SVG bar charts (亿元), each indicator's progress toward its 2017
 * target (附件4), and the monthly report download. Three calls: {@code GetInvestmentSummary} (category, owner) and
 * {@code ListIndicators}.
 */
@Controller("/broadband")
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BroadbandPages implements PortalSection {

    private static final String SERVICE = "broadband";
    private static final String UNIT = "亿元";
    /** The plan covers 2017 (实施方案 一(一)); the month choice offers its twelve months. */
    private static final List<String> MONTHS =
            IntStream.rangeClosed(1, 12).mapToObj(m -> String.format("2017-%02d", m)).toList();

    private final BroadbandServiceGrpc.BroadbandServiceBlockingStub broadband;
    private final Downstream downstream;
    private final PortalPages pages;

    BroadbandPages(BroadbandServiceGrpc.BroadbandServiceBlockingStub broadband, Downstream downstream,
                   PortalPages pages) {
        this.broadband = broadband;
        this.downstream = downstream;
        this.pages = pages;
    }

    @Override
    public String domain() {
        return SERVICE;
    }

    @Override
    public String path() {
        return "/broadband";
    }

    /** One row of a chart's table: the group with its amounts in 亿元. */
    public record Row(String key, int projects, String planned, String actual, String completion) {
    }

    /** One indicator with its progress bar. */
    /** One indicator row; {@code target} shows the direction (≥ / ≤) and any year-on-year target in words. */
    public record IndicatorRow(Indicator indicator, String progressSvg, String target) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> dashboard(HttpRequest<?> request,
                                                              @Nullable @QueryValue String month) {
        Map<String, Object> model = pages.model(request, SERVICE);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("month", month == null ? "" : month.trim());
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        model.put("months", MONTHS);
        model.put("unit", UNIT);
        try {
            InvestmentSummary byCategory = summary(request, "category", form.get("month"));
            InvestmentSummary byOwner = summary(request, "owner", form.get("month"));
            ListIndicatorsRequest ir = ListIndicatorsRequest.newBuilder().setMonth(form.get("month")).build();
            List<Indicator> indicators = downstream.call(SERVICE, request, broadband, s -> s.listIndicators(ir))
                    .getIndicatorsList();
            String shownMonth = form.get("month").isEmpty() ? byCategory.getMonth() : form.get("month");
            model.put("month", shownMonth);
            model.put("total", byCategory);
            model.put("totalPlanned", SvgBarChart.amount(SvgBarChart.yi(byCategory.getTotalPlannedYuan())));
            model.put("totalActual", SvgBarChart.amount(SvgBarChart.yi(byCategory.getTotalActualYuan())));
            model.put("categoryChart", chart(request, "chart-category", "broadband.chart.category", byCategory));
            model.put("categoryRows", rows(byCategory));
            model.put("ownerChart", chart(request, "chart-owner", "broadband.chart.owner", byOwner));
            model.put("ownerRows", rows(byOwner));
            trend(request, shownMonth, byCategory, model);
            List<IndicatorRow> rows = new ArrayList<>();
            for (Indicator i : indicators) {
                BigDecimal percent = i.getProgressPercent().isEmpty() ? null : new BigDecimal(i.getProgressPercent());
                boolean lower = i.getDirection() == cn.gov.qinghai.broadband.v1.IndicatorDirection.LOWER_IS_BETTER;
                String target = (lower ? "≤ " : "≥ ") + i.getTarget2017() + (i.getYearOnYearTarget().isEmpty() ? ""
                        : " (" + pages.message(request, lower ? "broadband.yoy.shorter" : "broadband.yoy.higher",
                                i.getYearOnYearTarget()) + ")");
                rows.add(new IndicatorRow(i, SvgBarChart.progress("progress-" + i.getId(),
                        pages.message(request, "broadband.progress.label", i.getName()), percent), target));
            }
            model.put("indicators", rows);
        } catch (DownstreamException e) {
            if (!errors.read(e, request, pages, "domain.broadband", "broadband.error.", f -> f)) {
                if (e.grpc().getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                    errors.field("month", pages.message(request, "broadband.error.month"),
                            e.grpc().getStatus().getDescription());
                } else {
                    errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
                }
            }
        }
        return pages.render(errors.status(), "broadband/dashboard", model);
    }

    private InvestmentSummary summary(HttpRequest<?> request, String groupBy, String month) {
        GetInvestmentSummaryRequest r = GetInvestmentSummaryRequest.newBuilder().setGroupBy(groupBy).setMonth(month)
                .build();
        return downstream.call(SERVICE, request, broadband, s -> s.getInvestmentSummary(r));
    }

    /**
     * The monthly trend: the cumulative actual investment at the end of each month from January to the month shown,
     * against the year's plan. The service keeps actuals per month and answers a summary as of any month, so this is
     * one {@code GetInvestmentSummary} (by programme, the smallest grouping) per month, at most twelve.
     */
    private void trend(HttpRequest<?> request, String shownMonth, InvestmentSummary plan, Map<String, Object> model) {
        List<SvgTrendChart.Point> points = new ArrayList<>();
        List<TrendRow> rows = new ArrayList<>();
        java.util.Locale locale = pages.locale(request);
        for (String m : MONTHS) {
            if (m.compareTo(shownMonth) > 0) {
                break;
            }
            InvestmentSummary s = summary(request, "programme", m);
            BigDecimal actual = SvgBarChart.yi(s.getTotalActualYuan());
            String label = java.time.Month.of(Integer.parseInt(m.substring(5)))
                    .getDisplayName(java.time.format.TextStyle.SHORT, locale);
            points.add(new SvgTrendChart.Point(label, actual));
            rows.add(new TrendRow(m, SvgBarChart.amount(actual), s.getTotalCompletionRatePercent()));
        }
        String title = pages.message(request, "broadband.chart.trend", shownMonth, UNIT);
        model.put("trendChart", SvgTrendChart.monthly("chart-trend", title, UNIT, points,
                SvgBarChart.yi(plan.getTotalPlannedYuan()), pages.message(request, "broadband.planned")));
        model.put("trendRows", rows);
    }

    /** One month of the trend table: cumulative actual (亿元, exact) and completion of the plan. */
    public record TrendRow(String month, String actual, String completion) {
    }

    private String chart(HttpRequest<?> request, String id, String titleKey, InvestmentSummary summary) {
        List<SvgBarChart.Bar> bars = summary.getGroupsList().stream().map(g -> new SvgBarChart.Bar(g.getKey(),
                SvgBarChart.yi(g.getPlannedInvestmentYuan()), SvgBarChart.yi(g.getActualInvestmentYuan()))).toList();
        return SvgBarChart.planVsActual(id, pages.message(request, titleKey, summary.getMonth(), UNIT),
                pages.message(request, "broadband.planned"), pages.message(request, "broadband.actual"), UNIT, bars);
    }

    private static List<Row> rows(InvestmentSummary summary) {
        return summary.getGroupsList().stream().map(g -> new Row(g.getKey(), g.getProjectCount(),
                SvgBarChart.amount(SvgBarChart.yi(g.getPlannedInvestmentYuan())),
                SvgBarChart.amount(SvgBarChart.yi(g.getActualInvestmentYuan())),
                g.getCompletionRatePercent())).toList();
    }

    /** The broadband pages' messages ({@code i18n/broadband*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("broadband-portal")
        MessageSource broadbandPortalMessages() {
            return new ResourceBundleMessageSource("i18n.broadband");
        }
    }
}
