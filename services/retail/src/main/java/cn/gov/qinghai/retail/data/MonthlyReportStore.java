package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.retail.v1.MonthlyReport;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The {@code monthly_report} table: one report per enterprise and month, never overwritten; and its sums. */
@Singleton
public class MonthlyReportStore {

    /** One group's sums in a month, and the same group's sales twelve months earlier ({@code prior}, may be null). */
    public record Group(
            YearMonth month,
            String region,
            String format,
            int reporters,
            BigDecimal sales,
            BigDecimal online,
            BigDecimal prior) {}

    private final Sql sql;

    public MonthlyReportStore(Sql sql) {
        this.sql = sql;
    }

    /** Files the report unless one for the enterprise and month exists; false when it did. */
    public boolean insert(
            String code,
            YearMonth month,
            String format,
            String region,
            BigDecimal revenue,
            BigDecimal sales,
            BigDecimal online,
            String by,
            Instant at) {
        return sql.update(
                        """
                INSERT INTO monthly_report (credit_code, month, format, region, annual_main_business_revenue, retail_sales,
                  online_sales, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (credit_code, month) DO NOTHING""",
                        code,
                        month.atDay(1),
                        format,
                        region,
                        Money.yuan(revenue),
                        Money.yuan(sales),
                        Money.yuan(online),
                        by,
                        at)
                > 0;
    }

    public Optional<MonthlyReport> find(String code, YearMonth month) {
        return sql.one(
                "SELECT * FROM monthly_report WHERE credit_code = ? AND month = ?",
                MonthlyReportStore::report,
                code,
                month.atDay(1));
    }

    /**
     * Sums by month, and by prefecture and/or format when asked, of the reports in regions matching
     * {@code regionLike} from {@code from} to {@code to}, each with the same group's sales a year earlier. The two
     * grouping expressions are chosen here from fixed text, never from input.
     */
    public List<Group> sums(String regionLike, YearMonth from, YearMonth to, boolean byRegion, boolean byFormat) {
        String regionExpr = byRegion ? "substr(region, 1, 4) || '00'" : "''";
        String formatExpr = byFormat ? "format" : "''";
        String query = """
                WITH g AS (
                  SELECT month, {region} AS region, {format} AS format, count(*) AS reporters,
                         sum(retail_sales) AS sales, sum(online_sales) AS online
                  FROM monthly_report WHERE region LIKE ? AND month BETWEEN ? AND ?
                  GROUP BY 1, 2, 3)
                SELECT g.*, p.sales AS prior
                FROM g LEFT JOIN g p ON p.month = (g.month - INTERVAL '1 year')::date AND p.region = g.region
                                      AND p.format = g.format
                WHERE g.month >= ?
                ORDER BY g.month, g.region, g.format""".replace("{region}", regionExpr).replace("{format}", formatExpr);
        LocalDate first = from.atDay(1);
        return sql.list(
                query,
                rs -> new Group(
                        YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getString("region"),
                        rs.getString("format"),
                        rs.getInt("reporters"),
                        rs.getBigDecimal("sales"),
                        rs.getBigDecimal("online"),
                        rs.getBigDecimal("prior")),
                regionLike,
                from.minusYears(1).atDay(1),
                to.atDay(1),
                first);
    }

    private static MonthlyReport report(ResultSet rs) throws SQLException {
        return MonthlyReport.newBuilder()
                .setCreditCode(rs.getString("credit_code"))
                .setMonth(YearMonth.from(rs.getDate("month").toLocalDate()).toString())
                .setFormat(rs.getString("format"))
                .setRegion(rs.getString("region"))
                .setAnnualMainBusinessRevenue(Money.format(rs.getBigDecimal("annual_main_business_revenue")))
                .setRetailSales(Money.format(rs.getBigDecimal("retail_sales")))
                .setOnlineSales(Money.format(rs.getBigDecimal("online_sales")))
                .setSubmittedAt(Sql.text(Sql.instant(rs, "submitted_at")))
                .build();
    }
}
