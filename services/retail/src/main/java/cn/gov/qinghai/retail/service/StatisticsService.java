package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.csv.CsvWriter;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.retail.data.MonthlyReportKey;
import cn.gov.qinghai.retail.data.MonthlyReportRepository;
import cn.gov.qinghai.retail.data.MonthlyReportRow;
import cn.gov.qinghai.retail.data.MonthlyReportStore;
import cn.gov.qinghai.retail.rules.AboveThreshold;
import cn.gov.qinghai.retail.rules.RetailParameters;
import cn.gov.qinghai.retail.rules.YearOnYearChange;
import cn.gov.qinghai.retail.v1.AggregateDimension;
import cn.gov.qinghai.retail.v1.AggregateRow;
import cn.gov.qinghai.retail.v1.GetRetailAggregatesRequest;
import cn.gov.qinghai.retail.v1.MonthlyReport;
import cn.gov.qinghai.retail.v1.RetailAggregates;
import cn.gov.qinghai.retail.v1.SubmitMonthlyReportRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Above-threshold retail statistics (青政办〔2017〕85号 四(四): 加强限额以上零售业统计监测和运行分析工作 … 加强对零售业态
 * … 的分析研究): monthly reports, aggregates by month, region and format with year-on-year change, CSV export.
 */
@Singleton
public class StatisticsService {

    private static final Citation CLAUSE = Citation.of("青政办〔2017〕85号", "四(四)");

    private final MonthlyReportRepository reports;
    private final MonthlyReportStore sums;
    private final EnterpriseService enterprises;
    private final RetailParameters parameters;
    private final Clock clock;

    public StatisticsService(
            MonthlyReportRepository reports,
            MonthlyReportStore sums,
            EnterpriseService enterprises,
            RetailParameters parameters,
            Clock clock) {
        this.reports = reports;
        this.sums = sums;
        this.enterprises = enterprises;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Transactional
    public MonthlyReport submit(SubmitMonthlyReportRequest r) {
        Caller.current().requireAnyRole(Authority.ENTERPRISE);
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String code = Validation.creditCode(errors, "creditCode", r.getCreditCode());
        YearMonth month = errors.yearMonth("month", r.getMonth());
        if (month != null && month.isAfter(YearMonth.from(today))) {
            errors.add("month", "must not be after the current month");
        }
        String format = errors.text("format", r.getFormat(), 64);
        if (format != null && !parameters.formats(today).containsKey(format)) {
            errors.add("format", "must be one of " + parameters.formats(today).keySet());
        }
        String region = Validation.county(errors, "region", r.getRegion());
        BigDecimal revenue = errors.decimal(
                "annualMainBusinessRevenue",
                r.getAnnualMainBusinessRevenue(),
                DecimalRule.money().max("1000000000000"));
        BigDecimal sales = errors.decimal(
                "retailSales", r.getRetailSales(), DecimalRule.money().max("1000000000000"));
        BigDecimal online = errors.decimal(
                "onlineSales", r.getOnlineSales(), DecimalRule.money().max("1000000000000"));
        if (sales != null && online != null && online.compareTo(sales) > 0) {
            errors.add("onlineSales", "must not exceed retailSales");
        }
        errors.throwIfAny();
        Caller caller = Authority.organisation(Authority.ENTERPRISE, code);
        if (!enterprises.exists(code)) {
            throw EnterpriseService.notFound(code);
        }
        ParameterValue threshold = parameters.value(RetailParameters.THRESHOLD, month.atDay(1));
        AboveThreshold.Result above = AboveThreshold.decide(revenue, threshold);
        if (!above.above()) {
            throw ServiceException.failedPrecondition(
                            "BELOW_THRESHOLD",
                            "annual main-business revenue " + revenue
                                    + " is below the above-threshold standard "
                                    + threshold.decimal().toPlainString()
                                    + " yuan: only above-threshold retailers report monthly")
                    .withMetadata(Map.of("threshold", threshold.decimal().toPlainString()));
        }
        boolean inserted = reports.insertIfAbsent(
                        code,
                        month.atDay(1),
                        format,
                        region,
                        Money.yuan(revenue),
                        Money.yuan(sales),
                        Money.yuan(online),
                        caller.subject(),
                        clock.instant())
                > 0;
        MonthlyReport stored = reports.findById(new MonthlyReportKey(code, month.atDay(1)))
                .map(StatisticsService::report)
                .orElseThrow();
        if (!inserted
                && (!stored.getFormat().equals(format)
                        || !stored.getRegion().equals(region)
                        || new BigDecimal(stored.getRetailSales()).compareTo(sales) != 0
                        || new BigDecimal(stored.getOnlineSales()).compareTo(online) != 0)) {
            throw ServiceException.alreadyExists(
                    "REPORT_ALREADY_FILED",
                    "a different report for " + month + " is already filed; reports are not overwritten");
        }
        return stored.toBuilder().setExplanation(above.explanation()).build();
    }

    /**
     * Sums by month (and prefecture and/or format), and the same group's sum twelve months earlier for the
     * year-on-year change. Decision: the prior-year figure is the group's total of whoever reported then (the
     * reporting panel may differ between years); the row says how many reported now.
     */
    @Transactional(readOnly = true)
    public RetailAggregates aggregates(GetRetailAggregatesRequest r) {
        Caller caller = Authority.officer();
        FieldErrors errors = new FieldErrors();
        YearMonth from = errors.yearMonth("fromMonth", r.getFromMonth());
        YearMonth to = errors.yearMonth("toMonth", r.getToMonth());
        if (from != null && to != null && (to.isBefore(from) || to.isAfter(from.plusMonths(35)))) {
            errors.add("toMonth", "must be from fromMonth up to 35 months after it");
        }
        boolean byRegion = false;
        boolean byFormat = false;
        for (int i = 0; i < r.getGroupByCount(); i++) {
            AggregateDimension d = r.getGroupBy(i);
            if (d == AggregateDimension.REGION) {
                byRegion = true;
            } else if (d == AggregateDimension.FORMAT) {
                byFormat = true;
            } else {
                errors.add("groupBy[" + i + "]", "must be REGION or FORMAT");
            }
        }
        String region =
                r.getRegion().isEmpty() ? caller.scope().region() : errors.qinghaiRegion("region", r.getRegion());
        errors.throwIfAny();
        caller.requireRegion(region);
        List<AggregateRow> rows = sums.sums(new Scope(region).likePattern(), from, to, byRegion, byFormat).stream()
                .map(g -> AggregateRow.newBuilder()
                        .setMonth(g.month().toString())
                        .setRegion(g.region())
                        .setFormat(g.format())
                        .setReporters(g.reporters())
                        .setRetailSales(Money.format(g.sales()))
                        .setOnlineSales(Money.format(g.online()))
                        .setOnlineShare(
                                YearOnYearChange.share(g.online(), g.sales()).toPlainString())
                        .setPriorYearSales(g.prior() == null ? "" : Money.format(g.prior()))
                        .setYearOnYearChange(YearOnYearChange.of(g.sales(), g.prior())
                                .map(BigDecimal::toPlainString)
                                .orElse(""))
                        .build())
                .toList();
        var why = new ExplanationBuilder()
                .step("汇总 / Sums")
                .formula("retailSales, onlineSales = Σ over reports of the month" + (byRegion ? ", prefecture" : "")
                        + (byFormat ? ", format" : ""))
                .input("fromMonth", from)
                .input("toMonth", to)
                .input("region", region)
                .result(rows.size() + " rows")
                .cite(CLAUSE)
                .add()
                .step("线上占比 / Online share")
                .formula("onlineShare = onlineSales / retailSales, HALF_UP 4 decimals")
                .result("per row")
                .add()
                .step("同比 / Year on year")
                .formula("yearOnYearChange = (retailSales − priorYearSales) / priorYearSales, HALF_UP 4 decimals; "
                        + "empty when the same group has no report (or zero) twelve months earlier")
                .result("per row")
                .cite(CLAUSE)
                .add();
        return RetailAggregates.newBuilder()
                .addAllRows(rows)
                .setExplanation(why.build())
                .build();
    }

    public CsvDocument export(GetRetailAggregatesRequest r) {
        RetailAggregates a = aggregates(r);
        StringBuilder csv = new StringBuilder(CsvWriter.row(
                "month",
                "region",
                "format",
                "reporters",
                "retail_sales",
                "online_sales",
                "online_share",
                "prior_year_sales",
                "year_on_year_change"));
        for (AggregateRow row : a.getRowsList()) {
            csv.append(CsvWriter.row(
                    row.getMonth(),
                    row.getRegion(),
                    row.getFormat(),
                    Integer.toString(row.getReporters()),
                    row.getRetailSales(),
                    row.getOnlineSales(),
                    row.getOnlineShare(),
                    row.getPriorYearSales(),
                    row.getYearOnYearChange()));
        }
        return CsvDocument.newBuilder()
                .setContentType("text/csv; charset=utf-8")
                .setFileName("retail-aggregates-" + r.getFromMonth() + "-" + r.getToMonth() + ".csv")
                .setContent(csv.toString())
                .build();
    }

    private static MonthlyReport report(MonthlyReportRow row) {
        return MonthlyReport.newBuilder()
                .setCreditCode(row.key().creditCode())
                .setMonth(YearMonth.from(row.key().month()).toString())
                .setFormat(row.format())
                .setRegion(row.region())
                .setAnnualMainBusinessRevenue(Money.format(row.annualMainBusinessRevenue()))
                .setRetailSales(Money.format(row.retailSales()))
                .setOnlineSales(Money.format(row.onlineSales()))
                .setSubmittedAt(Sql.text(row.submittedAt()))
                .build();
    }
}
