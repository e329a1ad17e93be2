package cn.gov.qinghai.enterprisecost.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Approval history of investment projects: insert and read only, matching the table's append-only trigger. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InvestmentProjectStepRepository extends GenericRepository<InvestmentProjectStepRow, Long> {

    InvestmentProjectStepRow save(InvestmentProjectStepRow row);

    List<InvestmentProjectStepRow> findByProjectIdOrderByIdAsc(Long projectId);
}
