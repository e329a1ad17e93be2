package cn.gov.qinghai.gateway.broadband;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.broadband.v1.GetInvestmentSummaryRequest;
import cn.gov.qinghai.broadband.v1.Indicator;
import cn.gov.qinghai.broadband.v1.InvestmentSummary;
import cn.gov.qinghai.broadband.v1.ListIndicatorsRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.portal.DomainPages;
import cn.gov.qinghai.gateway.portal.FormErrors;
import cn.gov.qinghai.gateway.portal.PortalLanguage;
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
import java.time.YearMonth;
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
public class BroadbandPages extends DomainPages<BroadbandServiceGrpc.BroadbandServiceBlockingStub>
        implements PortalSection {

    private static final String SERVICE = "broadband";
    /** Amounts in 亿元 (10^8 yuan) on the Chinese page; in billion yuan (10^9) on the English one (issue 20.5). */
    private static final String UNIT = "亿元";

    private static final String UNIT_EN = "billion yuan";
    /** The plan covers 2017 (实施方案 一(一)); the month choice offers its twelve months. */
    private static final List<String> MONTHS = IntStream.rangeClosed(1, 12)
            .mapToObj(m -> String.format("2017-%02d", m))
            .toList();

    BroadbandPages(
            BroadbandServiceGrpc.BroadbandServiceBlockingStub broadband, Downstream downstream, PortalPages pages) {
        super(SERVICE, broadband, downstream, pages);
    }

    /** One row of a chart's table: the group with its amounts in 亿元. */
    public record Row(String key, int projects, String planned, String actual, String completion) {}

    /** One indicator with its progress bar. */
    /** One indicator row; {@code target} shows the direction (≥ / ≤) and any year-on-year target in words. */
    public record IndicatorRow(Indicator indicator, String progressSvg, String target, String name, String unit) {}

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> dashboard(
            HttpRequest<?> request, @Nullable @QueryValue String month) {
        Map<String, Object> model = model(request);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("month", month == null ? "" : month.trim());
        FormErrors errors = new FormErrors();
        model.put("form", form);
        model.put("errors", errors);
        model.put("months", MONTHS);
        model.put("unit", unit(request));
        // No month chosen: the plan's month nearest today (the plan covers 2017 only), so the page always says which
        // month it shows and its report links always carry one (issue 20: "截至 ：", report links 400/404).
        String asked = form.get("month").isEmpty() ? defaultMonth(YearMonth.now()) : form.get("month");
        model.put("month", asked);
        try {
            InvestmentSummary byCategory = summary(request, "category", asked);
            InvestmentSummary byOwner = summary(request, "owner", asked);
            ListIndicatorsRequest ir =
                    ListIndicatorsRequest.newBuilder().setMonth(asked).build();
            List<Indicator> indicators =
                    call(request, s -> s.listIndicators(ir)).getIndicatorsList();
            String shownMonth = byCategory.getMonth().isEmpty() ? asked : byCategory.getMonth();
            model.put("month", shownMonth);
            model.put("total", byCategory);
            model.put("totalPlanned", SvgBarChart.amount(inUnit(request, byCategory.getTotalPlannedYuan())));
            model.put("totalActual", SvgBarChart.amount(inUnit(request, byCategory.getTotalActualYuan())));
            model.put("categoryChart", chart(request, "chart-category", "broadband.chart.category", byCategory));
            model.put("categoryRows", rows(request, byCategory));
            model.put("ownerChart", chart(request, "chart-owner", "broadband.chart.owner", byOwner));
            model.put("ownerRows", rows(request, byOwner));
            trend(request, shownMonth, byCategory, model);
            List<IndicatorRow> rows = new ArrayList<>();
            for (Indicator i : indicators) {
                BigDecimal percent = i.getProgressPercent().isEmpty() ? null : new BigDecimal(i.getProgressPercent());
                boolean lower = i.getDirection() == cn.gov.qinghai.broadband.v1.IndicatorDirection.LOWER_IS_BETTER;
                String target = (lower ? "≤ " : "≥ ")
                        + i.getTarget2017()
                        + (i.getYearOnYearTarget().isEmpty()
                                ? ""
                                : " ("
                                        + pages.message(
                                                request,
                                                lower ? "broadband.yoy.shorter" : "broadband.yoy.higher",
                                                i.getYearOnYearTarget())
                                        + ")");
                String name = translated(request, "broadband.indicator." + i.getId(), i.getName());
                rows.add(new IndicatorRow(
                        i,
                        SvgBarChart.progress(
                                "progress-" + i.getId(),
                                pages.message(request, "broadband.progress.label", name),
                                percent),
                        target,
                        name,
                        translated(request, "broadband.unit." + i.getUnit(), i.getUnit())));
            }
            model.put("indicators", rows);
        } catch (DownstreamException e) {
            if (!errors.read(e, request, pages, "domain.broadband", "broadband.error.", f -> f)) {
                if (e.grpc().getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                    errors.field(
                            "month",
                            pages.message(request, "broadband.error.month"),
                            e.grpc().getStatus().getDescription());
                } else {
                    errors.page(HttpStatus.CONFLICT, e.grpc().getStatus().getDescription());
                }
            }
        }
        return pages.render(errors.status(), "broadband/dashboard", model);
    }

    /** The plan's month nearest {@code today}: the month itself during 2017, else January or December 2017. */
    static String defaultMonth(YearMonth today) {
        String month = today.toString();
        if (month.compareTo(MONTHS.get(0)) < 0) {
            return MONTHS.get(0);
        }
        return month.compareTo(MONTHS.get(MONTHS.size() - 1)) > 0 ? MONTHS.get(MONTHS.size() - 1) : month;
    }

    private InvestmentSummary summary(HttpRequest<?> request, String groupBy, String month) {
        GetInvestmentSummaryRequest r = GetInvestmentSummaryRequest.newBuilder()
                .setGroupBy(groupBy)
                .setMonth(month)
                .build();
        return call(request, s -> s.getInvestmentSummary(r));
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
            BigDecimal actual = inUnit(request, s.getTotalActualYuan());
            String label = java.time.Month.of(Integer.parseInt(m.substring(5)))
                    .getDisplayName(java.time.format.TextStyle.SHORT, locale);
            points.add(new SvgTrendChart.Point(label, actual));
            rows.add(new TrendRow(m, SvgBarChart.amount(actual), s.getTotalCompletionRatePercent()));
        }
        String title = pages.message(request, "broadband.chart.trend", shownMonth, unit(request));
        model.put(
                "trendChart",
                SvgTrendChart.monthly(
                        "chart-trend",
                        title,
                        unit(request),
                        points,
                        inUnit(request, plan.getTotalPlannedYuan()),
                        pages.message(request, "broadband.planned")));
        model.put("trendRows", rows);
    }

    /** One month of the trend table: cumulative actual (亿元, exact) and completion of the plan. */
    public record TrendRow(String month, String actual, String completion) {}

    private String chart(HttpRequest<?> request, String id, String titleKey, InvestmentSummary summary) {
        List<SvgBarChart.Bar> bars = summary.getGroupsList().stream()
                .map(g -> new SvgBarChart.Bar(
                        groupName(request, g.getKey()),
                        inUnit(request, g.getPlannedInvestmentYuan()),
                        inUnit(request, g.getActualInvestmentYuan())))
                .toList();
        // The amount beside a bar is short in English ("3.70268 bn yuan") so the longest bar's label stays inside.
        return SvgBarChart.planVsActual(
                id,
                pages.message(request, titleKey, summary.getMonth(), unit(request)),
                pages.message(request, "broadband.planned"),
                pages.message(request, "broadband.actual"),
                english(request) ? "bn yuan" : UNIT,
                bars);
    }

    private List<Row> rows(HttpRequest<?> request, InvestmentSummary summary) {
        return summary.getGroupsList().stream()
                .map(g -> new Row(
                        groupName(request, g.getKey()),
                        g.getProjectCount(),
                        SvgBarChart.amount(inUnit(request, g.getPlannedInvestmentYuan())),
                        SvgBarChart.amount(inUnit(request, g.getActualInvestmentYuan())),
                        g.getCompletionRatePercent()))
                .toList();
    }

    private boolean english(HttpRequest<?> request) {
        return PortalLanguage.isEnglish(pages.locale(request));
    }

    private String unit(HttpRequest<?> request) {
        return english(request) ? UNIT_EN : UNIT;
    }

    /** Yuan to the page's unit, exact: 亿元 (point moved 8 places) or billion yuan (9 places). */
    private BigDecimal inUnit(HttpRequest<?> request, String yuan) {
        BigDecimal yi = SvgBarChart.yi(yuan);
        return english(request) ? yi.movePointLeft(1) : yi;
    }

    /**
     * The service names categories, owners and indicators in Chinese (the document's words); the English page shows
     * the translation kept in {@code broadband_en.properties} ({@code broadband.name.<中文>}, by indicator id), and
     * the Chinese name where none is kept.
     */
    private String groupName(HttpRequest<?> request, String zh) {
        return translated(request, "broadband.name." + zh, zh);
    }

    private String translated(HttpRequest<?> request, String key, String zh) {
        if (!english(request)) {
            return zh;
        }
        String en = pages.message(request, key);
        return en.equals(key) ? zh : en;
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
