package cn.gov.qinghai.enterprisecost.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Investment projects. A change is a version-checked update (optimistic locking): it returns the number of rows
 * changed, 0 when another change won. Callers hold the transaction.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InvestmentProjectRepository extends GenericRepository<InvestmentProjectRow, Long> {

    InvestmentProjectRow save(InvestmentProjectRow row);

    Optional<InvestmentProjectRow> findById(Long id);

    Optional<InvestmentProjectRow> findByRequestId(String requestId);

    /** The holder, status and decision of a project whose version is still {@code version}. */
    @Query("""
            UPDATE investment_project SET current_department = :currentDepartment, status = :status,
                   decided_on = :decidedOn, decision_note = :note, version = version + 1
             WHERE id = :id AND version = :version""")
    int update(
            Long id, long version, String currentDepartment, String status, @Nullable LocalDate decidedOn, String note);

    /** Undecided projects due before {@code asOf}, oldest due date first. */
    @Query(value = """
            SELECT * FROM investment_project WHERE status = 'IN_APPROVAL' AND due_on < :asOf
             ORDER BY due_on, id""", nativeQuery = true)
    List<InvestmentProjectRow> overdue(LocalDate asOf);
}
