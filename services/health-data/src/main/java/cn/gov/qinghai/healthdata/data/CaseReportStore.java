package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link CaseReportRepository} cannot express over {@code case_report}: the set-based weekly counts behind the
 * early warning. Callers hold the transaction.
 */
@Singleton
public class CaseReportStore {

    /** Reports of one disease category in one county diagnosed in the ISO week starting {@code week}. */
    public record WeekCount(String county, String category, LocalDate week, long count) {}

    private final Sql sql;

    public CaseReportStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Weekly counts per county and disease category of reports diagnosed from {@code first} to {@code last}
     * (inclusive) in counties matching {@code countyLike} (a kit {@code Scope} pattern); weeks without reports are
     * absent.
     */
    public List<WeekCount> weeklyCounts(LocalDate first, LocalDate last, String countyLike) {
        return sql.list(
                "SELECT county, disease_category, date_trunc('week', diagnosis_date)::date AS wk, count(*)"
                        + " FROM case_report WHERE diagnosis_date BETWEEN ? AND ? AND county LIKE ?"
                        + " GROUP BY 1, 2, 3",
                rs -> new WeekCount(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4)),
                first,
                last,
                countyLike);
    }
}
