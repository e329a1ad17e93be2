package cn.gov.qinghai.enterprisecost.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Applications. State changes are version-checked updates (optimistic locking): they return the number of rows
 * changed, 0 when another change won. Region filters are LIKE patterns built from a region scope
 * ({@code %} = province, {@code 6301%} = a prefecture and its counties, a full code = that county).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApplicationRepository extends GenericRepository<ApplicationRow, Long> {

    ApplicationRow save(ApplicationRow row);

    Optional<ApplicationRow> findById(Long id);

    Optional<ApplicationRow> findByRequestId(String requestId);

    @Query("UPDATE application SET status = :status, version = version + 1 WHERE id = :id AND version = :version")
    int changeStatus(Long id, long version, String status);

    @Query("""
            UPDATE application SET status = :status, approved_amount = :approvedAmount, decision_note = :note,
                   decided_by = :decidedBy, decided_on = :decidedOn, version = version + 1
             WHERE id = :id AND version = :version""")
    int decide(
            Long id,
            long version,
            String status,
            @Nullable BigDecimal approvedAmount,
            String note,
            String decidedBy,
            LocalDate decidedOn);

    @Query(value = """
            SELECT * FROM application
             WHERE region LIKE :regionPattern AND (:status = '' OR status = :status)
               AND (:submittedBy = '' OR submitted_by = :submittedBy)
             ORDER BY id DESC LIMIT :limit OFFSET :offset""", nativeQuery = true)
    List<ApplicationRow> list(String regionPattern, String status, String submittedBy, int limit, int offset);

    @Query(value = """
            SELECT count(*) FROM application
             WHERE region LIKE :regionPattern AND (:status = '' OR status = :status)
               AND (:submittedBy = '' OR submitted_by = :submittedBy)""", nativeQuery = true)
    long countList(String regionPattern, String status, String submittedBy);

    @Query(value = """
            SELECT * FROM application
             WHERE region LIKE :regionPattern AND status IN ('SUBMITTED', 'UNDER_REVIEW') AND due_on < :asOf
             ORDER BY due_on, id LIMIT :limit OFFSET :offset""", nativeQuery = true)
    List<ApplicationRow> overdue(String regionPattern, LocalDate asOf, int limit, int offset);

    @Query(value = """
            SELECT count(*) FROM application
             WHERE region LIKE :regionPattern AND status IN ('SUBMITTED', 'UNDER_REVIEW') AND due_on < :asOf""", nativeQuery = true)
    long countOverdue(String regionPattern, LocalDate asOf);
}
