package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What {@link MonthlyReportRepository} cannot express over {@code monthly_report}: the sums by month and chosen
 * dimensions, each with the same group a year earlier (grouping expressions chosen at run time).
 */
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
}
