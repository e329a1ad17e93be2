package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Monthly reports of above-threshold retailers: one per enterprise and month, never overwritten. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MonthlyReportRepository extends GenericRepository<MonthlyReportRow, MonthlyReportKey> {

    /** Files the report unless one for the enterprise and month exists: 1, or 0 when it did. */
    @Query("""
            INSERT INTO monthly_report (credit_code, month, format, region, annual_main_business_revenue, retail_sales,
              online_sales, submitted_by, submitted_at)
            VALUES (:creditCode, :month, :format, :region, :revenue, :sales, :online, :submittedBy, :submittedAt)
            ON CONFLICT (credit_code, month) DO NOTHING""")
    int insertIfAbsent(
            String creditCode,
            LocalDate month,
            String format,
            String region,
            BigDecimal revenue,
            BigDecimal sales,
            BigDecimal online,
            String submittedBy,
            Instant submittedAt);

    Optional<MonthlyReportRow> findById(MonthlyReportKey key);
}
