package cn.gov.qinghai.enterprisecost.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Application history: insert and read only, matching the table's append-only trigger. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApplicationEventRepository extends GenericRepository<ApplicationEventRow, Long> {

    ApplicationEventRow save(ApplicationEventRow row);

    List<ApplicationEventRow> findByApplicationIdOrderByIdAsc(Long applicationId);
}
