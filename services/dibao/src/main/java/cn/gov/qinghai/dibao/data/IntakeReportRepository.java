package cn.gov.qinghai.dibao.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Monthly intake reports (青政办〔2017〕86号 二(五)) and their append-only history. State changes are version-checked
 * updates (optimistic locking): they return the number of rows changed, 0 when the version or status moved. Callers
 * hold the transaction.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IntakeReportRepository extends GenericRepository<IntakeReportRow, Long> {

    Optional<IntakeReportRow> findById(long id);

    Optional<IntakeReportRow> findByCountyAndTownshipAndMonth(String county, String township, LocalDate month);

    /** Inserts a first submission and returns its id; null when a concurrent one for the same key won. */
    @Query("""
            INSERT INTO intake_report (county, township, month, status, contents, request_id, submitted_by,
                submitted_at)
            VALUES (:county, :township, :month, 'REPORT_SUBMITTED', CAST(:contentsJson AS jsonb), :requestId,
                :submittedBy, :submittedAt)
            ON CONFLICT (county, township, month) DO NOTHING RETURNING id""")
    @Nullable
    Long insert(
            String county,
            String township,
            LocalDate month,
            String contentsJson,
            String requestId,
            String submittedBy,
            Instant submittedAt);

    /** Reports a returned report again. */
    @Query("""
            UPDATE intake_report SET status = 'REPORT_SUBMITTED', version = version + 1, revision = revision + 1,
                   contents = CAST(:contentsJson AS jsonb), request_id = :requestId, submitted_by = :submittedBy,
                   submitted_at = :submittedAt
             WHERE id = :id AND version = :version AND status = 'REPORT_RETURNED'""")
    int resubmit(long id, long version, String contentsJson, String requestId, String submittedBy, Instant submittedAt);

    @Query("""
            UPDATE intake_report SET status = 'REPORT_FILED', version = version + 1, approved_by = :approvedBy,
                   filed_at = :filedAt
             WHERE id = :id AND version = :version AND status = 'REPORT_SUBMITTED'""")
    int file(long id, long version, String approvedBy, Instant filedAt);

    @Query("""
            UPDATE intake_report SET status = 'REPORT_RETURNED', version = version + 1
             WHERE id = :id AND version = :version AND status = 'REPORT_SUBMITTED'""")
    int returnToTownship(long id, long version);

    /** Appends the report's next history step (sequence = last + 1); a null note is stored as empty. */
    @Query("""
            INSERT INTO intake_report_history (report_id, sequence, action, from_status, to_status, actor, at, note)
            VALUES (:reportId,
                (SELECT coalesce(max(sequence), 0) + 1 FROM intake_report_history WHERE report_id = :reportId),
                :action, :fromStatus, :toStatus, :actor, :at, coalesce(:note, ''))""")
    void appendHistory(
            long reportId,
            String action,
            String fromStatus,
            String toStatus,
            String actor,
            Instant at,
            @Nullable String note);

    @Query("""
            SELECT sequence, action, from_status, to_status, actor, at, note FROM intake_report_history
             WHERE report_id = :reportId ORDER BY sequence""")
    List<HistoryRow> history(long reportId);

    /**
     * A page of a county's reports, newest month first; {@code month} null and {@code status} "" for all,
     * {@code filedOnly} for the poverty office.
     */
    @Query("""
            SELECT * FROM intake_report
             WHERE county = :county AND (CAST(:month AS date) IS NULL OR month = :month)
               AND (:status = '' OR status = :status) AND (NOT :filedOnly OR status = 'REPORT_FILED')
             ORDER BY month DESC, township, id OFFSET :offset LIMIT :limit""")
    List<IntakeReportRow> list(
            String county, @Nullable LocalDate month, String status, boolean filedOnly, int offset, int limit);

    @Query("""
            SELECT count(*) FROM intake_report
             WHERE county = :county AND (CAST(:month AS date) IS NULL OR month = :month)
               AND (:status = '' OR status = :status) AND (NOT :filedOnly OR status = 'REPORT_FILED')""")
    int count(String county, @Nullable LocalDate month, String status, boolean filedOnly);
}
