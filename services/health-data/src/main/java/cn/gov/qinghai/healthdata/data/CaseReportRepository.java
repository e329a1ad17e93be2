package cn.gov.qinghai.healthdata.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

/** Case reports one at a time; the weekly counts are in {@link CaseReportStore}. Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CaseReportRepository extends GenericRepository<CaseReportRow, UUID> {

    CaseReportRow save(CaseReportRow row);

    Optional<CaseReportRow> findById(UUID id);

    Optional<CaseReportRow> findByRequestId(String requestId);
}
