package cn.gov.qinghai.dibao.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Intake report submissions: insert and read only, matching the table's append-only trigger. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IntakeReportSubmissionRepository extends GenericRepository<IntakeReportSubmissionRow, Long> {

    IntakeReportSubmissionRow save(IntakeReportSubmissionRow row);

    Optional<IntakeReportSubmissionRow> findByRequestId(String requestId);
}
