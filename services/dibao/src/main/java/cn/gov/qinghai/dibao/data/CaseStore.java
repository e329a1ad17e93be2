package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL for cases and their history. Callers hold the transaction. */
@Singleton
public class CaseStore {

    static final String OPEN = "('SUBMITTED', 'TOWNSHIP_REVIEWED', 'VERIFIED', 'APPROVED')";
    private final Sql db;

    public CaseStore(Sql db) {
        this.db = db;
    }

    public Optional<CaseRow> byId(long id) {
        return db.one("SELECT " + CaseRow.COLUMNS + " FROM dibao_case WHERE id = ?", CaseRow::map, id);
    }

    public Optional<CaseRow> byRequestId(String requestId) {
        return db.one("SELECT " + CaseRow.COLUMNS + " FROM dibao_case WHERE request_id = ?", CaseRow::map, requestId);
    }

    /** The open case of a household head, if any. */
    public Optional<Long> openCaseOf(String headIdNumber) {
        return db.one(
                "SELECT id FROM dibao_case WHERE head_id_number = ? AND status IN " + OPEN,
                rs -> rs.getLong(1),
                headIdNumber);
    }

    /**
     * Inserts a submitted case; empty when a unique constraint refused it (same request id or an open case of the
     * same head inserted concurrently) — the caller then re-reads to tell which.
     */
    public Optional<Long> insert(
            String requestId,
            String payloadHash,
            String county,
            String township,
            String headIdNumber,
            String headName,
            int size,
            String householdJson,
            Instant now) {
        return db.one(
                "INSERT INTO dibao_case (request_id, payload_hash, county, township, head_id_number, head_name, "
                        + "household_size, household, status, version, submitted_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'SUBMITTED', 1, ?) ON CONFLICT DO NOTHING RETURNING id",
                rs -> rs.getLong(1),
                requestId,
                payloadHash,
                county,
                township,
                headIdNumber,
                headName,
                size,
                householdJson,
                now);
    }

    /** Records the members' identity numbers of a new case, for cross-matching (三(一)). */
    public void insertMembers(long caseId, java.util.List<String> idNumbers) {
        for (int i = 0; i < idNumbers.size(); i++) {
            db.update(
                    "INSERT INTO case_member (case_id, idx, id_number) VALUES (?, ?, ?)", caseId, i, idNumbers.get(i));
        }
    }

    /** Moves a case to {@code status} if it is still at {@code expectedVersion}; false when someone else won. */
    public boolean transition(long id, long expectedVersion, String status) {
        return db.update(
                        "UPDATE dibao_case SET status = ?, version = version + 1 WHERE id = ? AND version = ?",
                        status,
                        id,
                        expectedVersion)
                == 1;
    }

    public boolean approve(
            long id,
            long expectedVersion,
            String classification,
            java.math.BigDecimal gap,
            java.math.BigDecimal allowances,
            java.math.BigDecimal total,
            String explanationJson,
            Instant at,
            LocalDate firstPaidMonth) {
        return db.update(
                        "UPDATE dibao_case SET status = 'APPROVED', version = version + 1, classification = ?, "
                                + "monthly_gap = ?, monthly_allowances = ?, monthly_total = ?, explanation = ?::jsonb, "
                                + "approved_at = ?, first_paid_month = ? WHERE id = ? AND version = ? AND status = 'VERIFIED'",
                        classification,
                        gap,
                        allowances,
                        total,
                        explanationJson,
                        at,
                        firstPaidMonth,
                        id,
                        expectedVersion)
                == 1;
    }

    public boolean verify(long id, long expectedVersion, String status, String medicalChecksJson) {
        return db.update(
                        "UPDATE dibao_case SET status = ?, version = version + 1, medical_checks = ?::jsonb "
                                + "WHERE id = ? AND version = ?",
                        status,
                        medicalChecksJson,
                        id,
                        expectedVersion)
                == 1;
    }

    public boolean exit(
            long id, long expectedVersion, String reason, LocalDate exitDate, int retention, LocalDate lastPaidMonth) {
        return db.update(
                        "UPDATE dibao_case SET status = 'EXITED', version = version + 1, exit_reason = ?, "
                                + "exit_date = ?, retention_months = ?, last_paid_month = ? "
                                + "WHERE id = ? AND version = ? AND status = 'APPROVED'",
                        reason,
                        exitDate,
                        retention,
                        lastPaidMonth,
                        id,
                        expectedVersion)
                == 1;
    }

    public void appendHistory(
            long caseId, String action, String from, String to, String actor, Instant at, String note) {
        db.update(
                "INSERT INTO case_history (case_id, sequence, action, from_status, to_status, actor, at, note) "
                        + "VALUES (?, (SELECT coalesce(max(sequence), 0) + 1 FROM case_history WHERE case_id = ?), "
                        + "?, ?, ?, ?, ?, ?)",
                caseId,
                caseId,
                action,
                from,
                to,
                actor,
                at,
                note == null ? "" : note);
    }

    public List<HistoryRow> history(long caseId) {
        return db.list(
                "SELECT sequence, action, from_status, to_status, actor, at, note FROM case_history "
                        + "WHERE case_id = ? ORDER BY sequence",
                HistoryRow::map,
                caseId);
    }

    public List<CaseRow> list(String county, String status, int offset, int limit) {
        return db.list(
                "SELECT " + CaseRow.COLUMNS + " FROM dibao_case WHERE county = ? AND (? = '' OR status = ?) "
                        + "ORDER BY id DESC OFFSET ? LIMIT ?",
                CaseRow::map,
                county,
                status,
                status,
                offset,
                limit);
    }

    public int count(String county, String status) {
        return db.one(
                        "SELECT count(*) FROM dibao_case WHERE county = ? AND (? = '' OR status = ?)",
                        rs -> rs.getInt(1),
                        county,
                        status,
                        status)
                .orElse(0);
    }

    /**
     * Cases paid in the month starting {@code month} (first day): approved on or before that month and not exited,
     * or exited with payments retained through that month. Decisions are stamped with the real time, so the answer
     * for a past month never changes.
     */
    public List<CaseRow> paidIn(String county, LocalDate month) {
        return db.list(
                "SELECT " + CaseRow.COLUMNS + " FROM dibao_case WHERE county = ? AND first_paid_month <= ? "
                        + "AND (status = 'APPROVED' OR (status = 'EXITED' AND last_paid_month >= ?)) ORDER BY id",
                CaseRow::map,
                county,
                month,
                month);
    }

    /** Records the simulation facts of an approved household (V5__caseload_facts.sql). */
    public void recordFacts(long caseId, BigDecimal countedIncome, BigDecimal rigidExpenditure, boolean singleParent) {
        db.update(
                "UPDATE dibao_case SET counted_income = ?, rigid_expenditure = ?, single_parent = ? WHERE id = ?",
                countedIncome,
                rigidExpenditure,
                singleParent,
                caseId);
    }

    /** Records the simulation facts of member {@code idx} of a case; {@code disabilityGrade} null when none. */
    public void recordMemberFacts(
            long caseId, int idx, LocalDate birthDate, Short disabilityGrade, boolean bedridden, boolean fixedIncome) {
        db.update(
                "UPDATE case_member SET birth_date = ?, disability_grade = ?, bedridden = ?, fixed_income = ? "
                        + "WHERE case_id = ? AND idx = ?",
                birthDate,
                disabilityGrade,
                bedridden,
                fixedIncome,
                caseId,
                idx);
    }

    /** Up to {@code limit} paid cases (approved or exited) after {@code afterId} without facts, by id. */
    public List<CaseRow> paidWithoutFacts(long afterId, int limit) {
        return db.list(
                "SELECT " + CaseRow.COLUMNS + " FROM dibao_case WHERE id > ? "
                        + "AND status IN ('APPROVED', 'EXITED') AND counted_income IS NULL ORDER BY id LIMIT ?",
                CaseRow::map,
                afterId,
                limit);
    }
}
