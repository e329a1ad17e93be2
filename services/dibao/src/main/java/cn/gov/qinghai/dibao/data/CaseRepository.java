package cn.gov.qinghai.dibao.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Cases, their members and their append-only history. State changes are version-checked updates (optimistic
 * locking): they return the number of rows changed, 0 when another change won. Callers hold the transaction.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CaseRepository extends GenericRepository<CaseRow, Long> {

    Optional<CaseRow> findById(long id);

    Optional<CaseRow> findByRequestId(String requestId);

    /** The open case of a household head, if any. */
    @Query("""
            SELECT id FROM dibao_case
             WHERE head_id_number = :headIdNumber
               AND status IN ('SUBMITTED', 'TOWNSHIP_REVIEWED', 'VERIFIED', 'APPROVED')""")
    Optional<Long> openCaseOf(String headIdNumber);

    /**
     * Inserts a submitted case and returns its id; null when a unique constraint refused it (same request id or an
     * open case of the same head inserted concurrently) — the caller then re-reads to tell which.
     */
    @Query("""
            INSERT INTO dibao_case (request_id, payload_hash, county, township, head_id_number, head_name,
                household_size, household, status, version, submitted_at)
            VALUES (:requestId, :payloadHash, :county, :township, :headIdNumber, :headName, :householdSize,
                CAST(:householdJson AS jsonb), 'SUBMITTED', 1, :submittedAt)
            ON CONFLICT DO NOTHING RETURNING id""")
    @Nullable
    Long insert(
            String requestId,
            String payloadHash,
            String county,
            String township,
            String headIdNumber,
            String headName,
            int householdSize,
            String householdJson,
            Instant submittedAt);

    /** Records member {@code idx}'s identity number, for cross-matching (三(一)). */
    @Query("INSERT INTO case_member (case_id, idx, id_number) VALUES (:caseId, :idx, :idNumber)")
    void insertMember(long caseId, int idx, String idNumber);

    /** Moves a case to {@code status} if it is still at {@code version}. */
    @Query("UPDATE dibao_case SET status = :status, version = version + 1 WHERE id = :id AND version = :version")
    int transition(long id, long version, String status);

    @Query("""
            UPDATE dibao_case SET status = 'APPROVED', version = version + 1, classification = :classification,
                   monthly_gap = :gap, monthly_allowances = :allowances, monthly_total = :total,
                   explanation = CAST(:explanationJson AS jsonb), approved_at = :approvedAt,
                   first_paid_month = :firstPaidMonth
             WHERE id = :id AND version = :version AND status = 'VERIFIED'""")
    int approve(
            long id,
            long version,
            String classification,
            BigDecimal gap,
            BigDecimal allowances,
            BigDecimal total,
            String explanationJson,
            Instant approvedAt,
            LocalDate firstPaidMonth);

    @Query("""
            UPDATE dibao_case SET status = :status, version = version + 1,
                   medical_checks = CAST(:medicalChecksJson AS jsonb)
             WHERE id = :id AND version = :version""")
    int verify(long id, long version, String status, String medicalChecksJson);

    @Query("""
            UPDATE dibao_case SET status = 'EXITED', version = version + 1, exit_reason = :reason,
                   exit_date = :exitDate, retention_months = :retention, last_paid_month = :lastPaidMonth
             WHERE id = :id AND version = :version AND status = 'APPROVED'""")
    int exit(long id, long version, String reason, LocalDate exitDate, int retention, LocalDate lastPaidMonth);

    /** Appends the case's next history step (sequence = last + 1); a null note is stored as empty. */
    @Query("""
            INSERT INTO case_history (case_id, sequence, action, from_status, to_status, actor, at, note)
            VALUES (:caseId, (SELECT coalesce(max(sequence), 0) + 1 FROM case_history WHERE case_id = :caseId),
                :action, :fromStatus, :toStatus, :actor, :at, coalesce(:note, ''))""")
    void appendHistory(
            long caseId,
            String action,
            String fromStatus,
            String toStatus,
            String actor,
            Instant at,
            @Nullable String note);

    @Query("""
            SELECT sequence, action, from_status, to_status, actor, at, note FROM case_history
             WHERE case_id = :caseId ORDER BY sequence""")
    List<HistoryRow> history(long caseId);

    /** A page of a county's cases, newest first; {@code status} "" for all. */
    @Query("""
            SELECT * FROM dibao_case WHERE county = :county AND (:status = '' OR status = :status)
             ORDER BY id DESC OFFSET :offset LIMIT :limit""")
    List<CaseRow> list(String county, String status, int offset, int limit);

    @Query("SELECT count(*) FROM dibao_case WHERE county = :county AND (:status = '' OR status = :status)")
    int count(String county, String status);

    /**
     * Cases paid in the month starting {@code month} (first day): approved on or before that month and not exited,
     * or exited with payments retained through that month. Decisions are stamped with the real time, so the answer
     * for a past month never changes.
     */
    @Query("""
            SELECT * FROM dibao_case WHERE county = :county AND first_paid_month <= :month
               AND (status = 'APPROVED' OR (status = 'EXITED' AND last_paid_month >= :month)) ORDER BY id""")
    List<CaseRow> paidIn(String county, LocalDate month);

    /** Records the simulation facts of an approved household (V5__caseload_facts.sql). */
    @Query("""
            UPDATE dibao_case SET counted_income = :countedIncome, rigid_expenditure = :rigidExpenditure,
                   single_parent = :singleParent
             WHERE id = :caseId""")
    void recordFacts(long caseId, BigDecimal countedIncome, BigDecimal rigidExpenditure, boolean singleParent);

    /** Records the simulation facts of member {@code idx} of a case; {@code disabilityGrade} null when none. */
    @Query("""
            UPDATE case_member SET birth_date = :birthDate, disability_grade = :disabilityGrade,
                   bedridden = :bedridden, fixed_income = :fixedIncome
             WHERE case_id = :caseId AND idx = :idx""")
    void recordMemberFacts(
            long caseId,
            int idx,
            @Nullable LocalDate birthDate,
            @Nullable Short disabilityGrade,
            boolean bedridden,
            boolean fixedIncome);

    /** Up to {@code limit} paid cases (approved or exited) after {@code afterId} without facts, by id. */
    @Query("""
            SELECT * FROM dibao_case WHERE id > :afterId AND status IN ('APPROVED', 'EXITED')
               AND counted_income IS NULL ORDER BY id LIMIT :limit""")
    List<CaseRow> paidWithoutFacts(long afterId, int limit);
}
