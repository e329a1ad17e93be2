package cn.gov.qinghai.retail.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Subsidy application history: insert only, matching the table's append-only trigger. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SubsidyApplicationHistoryRepository extends GenericRepository<SubsidyApplicationHistoryRow, Long> {

    SubsidyApplicationHistoryRow save(SubsidyApplicationHistoryRow row);
}
