package cn.gov.qinghai.retail.service;

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
import cn.gov.qinghai.retail.rules.AboveThreshold;
import cn.gov.qinghai.retail.rules.RetailParameters;
import cn.gov.qinghai.retail.rules.YearOnYearChange;
import cn.gov.qinghai.retail.v1.AggregateDimension;
import cn.gov.qinghai.retail.v1.AggregateRow;
import cn.gov.qinghai.retail.v1.CsvExport;
import cn.gov.qinghai.retail.v1.GetRetailAggregatesRequest;
import cn.gov.qinghai.retail.v1.MonthlyReport;
import cn.gov.qinghai.retail.v1.RetailAggregates;
import cn.gov.qinghai.retail.v1.SubmitMonthlyReportRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Sql sql;
    private final RetailParameters parameters;
    private final Clock clock;

    public StatisticsService(Sql sql, RetailParameters parameters, Clock clock) {
        this.sql = sql;
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
        BigDecimal revenue = errors.decimal("annualMainBusinessRevenue", r.getAnnualMainBusinessRevenue(),
                DecimalRule.money().max("1000000000000"));
        BigDecimal sales = errors.decimal("retailSales", r.getRetailSales(), DecimalRule.money().max("1000000000000"));
        BigDecimal online = errors.decimal("onlineSales", r.getOnlineSales(), DecimalRule.money().max("1000000000000"));
        if (sales != null && online != null && online.compareTo(sales) > 0) {
            errors.add("onlineSales", "must not exceed retailSales");
        }
        errors.throwIfAny();
        Caller caller = Authority.organisation(Authority.ENTERPRISE, code);
        if (sql.one("SELECT 1 FROM enterprise WHERE credit_code = ?", rs -> 1, code).isEmpty()) {
            throw EnterpriseService.notFound(code);
        }
        ParameterValue threshold = parameters.value(RetailParameters.THRESHOLD, month.atDay(1));
        AboveThreshold.Result above = AboveThreshold.decide(revenue, threshold);
        if (!above.above()) {
            throw ServiceException.failedPrecondition("BELOW_THRESHOLD", "annual main-business revenue " + revenue
                    + " is below the above-threshold standard " + threshold.decimal().toPlainString()
                    + " yuan: only above-threshold retailers report monthly").withMetadata(
                    Map.of("threshold", threshold.decimal().toPlainString()));
        }
        int inserted = sql.update("""
                INSERT INTO monthly_report (credit_code, month, format, region, annual_main_business_revenue, retail_sales,
                  online_sales, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (credit_code, month) DO NOTHING""", code, month.atDay(1), format, region,
                Money.yuan(revenue), Money.yuan(sales), Money.yuan(online), caller.subject(), clock.instant());
        MonthlyReport stored = sql.one("SELECT * FROM monthly_report WHERE credit_code = ? AND month = ?",
                StatisticsService::report, code, month.atDay(1)).orElseThrow();
        if (inserted == 0 && (!stored.getFormat().equals(format) || !stored.getRegion().equals(region)
                || new BigDecimal(stored.getRetailSales()).compareTo(sales) != 0
                || new BigDecimal(stored.getOnlineSales()).compareTo(online) != 0)) {
            throw ServiceException.alreadyExists("REPORT_ALREADY_FILED",
                    "a different report for " + month + " is already filed; reports are not overwritten");
        }
        return stored.toBuilder().setExplanation(above.explanation()).build();
    }

    private static MonthlyReport report(ResultSet rs) throws SQLException {
        return MonthlyReport.newBuilder().setCreditCode(rs.getString("credit_code"))
                .setMonth(YearMonth.from(rs.getDate("month").toLocalDate()).toString()).setFormat(rs.getString("format"))
                .setRegion(rs.getString("region"))
                .setAnnualMainBusinessRevenue(Money.format(rs.getBigDecimal("annual_main_business_revenue")))
                .setRetailSales(Money.format(rs.getBigDecimal("retail_sales")))
                .setOnlineSales(Money.format(rs.getBigDecimal("online_sales")))
                .setSubmittedAt(Sql.text(Sql.instant(rs, "submitted_at"))).build();
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
        String region = r.getRegion().isEmpty() ? caller.scope().region() : errors.qinghaiRegion("region", r.getRegion());
        errors.throwIfAny();
        caller.requireRegion(region);
        String regionExpr = byRegion ? "substr(region, 1, 4) || '00'" : "''";
        String formatExpr = byFormat ? "format" : "''";
        String query = """
                WITH g AS (
                  SELECT month, %s AS region, %s AS format, count(*) AS reporters,
                         sum(retail_sales) AS sales, sum(online_sales) AS online
                  FROM monthly_report WHERE region LIKE ? AND month BETWEEN ? AND ?
                  GROUP BY 1, 2, 3)
                SELECT g.*, p.sales AS prior
                FROM g LEFT JOIN g p ON p.month = (g.month - INTERVAL '1 year')::date AND p.region = g.region
                                      AND p.format = g.format
                WHERE g.month >= ?
                ORDER BY g.month, g.region, g.format""".formatted(regionExpr, formatExpr);
        List<AggregateRow> rows = sql.list(query, rs -> {
            BigDecimal sales = rs.getBigDecimal("sales");
            BigDecimal online = rs.getBigDecimal("online");
            BigDecimal prior = rs.getBigDecimal("prior");
            return AggregateRow.newBuilder()
                    .setMonth(YearMonth.from(rs.getDate("month").toLocalDate()).toString())
                    .setRegion(rs.getString("region")).setFormat(rs.getString("format"))
                    .setReporters(rs.getInt("reporters")).setRetailSales(Money.format(sales))
                    .setOnlineSales(Money.format(online))
                    .setOnlineShare(YearOnYearChange.share(online, sales).toPlainString())
                    .setPriorYearSales(prior == null ? "" : Money.format(prior))
                    .setYearOnYearChange(YearOnYearChange.of(sales, prior).map(BigDecimal::toPlainString).orElse(""))
                    .build();
        }, new Scope(region).likePattern(), from.minusYears(1).atDay(1), to.atDay(1), from.atDay(1));
        var why = new ExplanationBuilder()
                .step("汇总 / Sums").formula("retailSales, onlineSales = Σ over reports of the month"
                        + (byRegion ? ", prefecture" : "") + (byFormat ? ", format" : ""))
                .input("fromMonth", from).input("toMonth", to).input("region", region).result(rows.size() + " rows")
                .cite(CLAUSE).add()
                .step("线上占比 / Online share").formula("onlineShare = onlineSales / retailSales, HALF_UP 4 decimals")
                .result("per row").add()
                .step("同比 / Year on year")
                .formula("yearOnYearChange = (retailSales − priorYearSales) / priorYearSales, HALF_UP 4 decimals; "
                        + "empty when the same group has no report (or zero) twelve months earlier")
                .result("per row").cite(CLAUSE).add();
        return RetailAggregates.newBuilder().addAllRows(rows).setExplanation(why.build()).build();
    }

    public CsvExport export(GetRetailAggregatesRequest r) {
        RetailAggregates a = aggregates(r);
        StringBuilder csv = new StringBuilder(CsvWriter.row("month", "region", "format", "reporters", "retail_sales",
                "online_sales", "online_share", "prior_year_sales", "year_on_year_change"));
        for (AggregateRow row : a.getRowsList()) {
            csv.append(CsvWriter.row(row.getMonth(), row.getRegion(), row.getFormat(),
                    Integer.toString(row.getReporters()), row.getRetailSales(), row.getOnlineSales(),
                    row.getOnlineShare(), row.getPriorYearSales(), row.getYearOnYearChange()));
        }
        return CsvExport.newBuilder().setFilename("retail-aggregates-" + r.getFromMonth() + "-" + r.getToMonth() + ".csv")
                .setContent(csv.toString()).build();
    }

}
