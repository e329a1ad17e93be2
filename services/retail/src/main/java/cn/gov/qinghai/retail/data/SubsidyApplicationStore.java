package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.retail.v1.SubsidyApplication;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code subsidy_application} table (versioned, one row per request id) and its append-only
 * {@code subsidy_application_history}.
 */
@Singleton
public class SubsidyApplicationStore {

    private final Sql sql;

    public SubsidyApplicationStore(Sql sql) {
        this.sql = sql;
    }

    /** The new application's id (status SUBMITTED, version 1), or empty when its request id was already used. */
    public Optional<Long> insert(
            String requestId,
            long servicePointId,
            String applicant,
            BigDecimal cost,
            BigDecimal requested,
            String description,
            String by,
            Instant at) {
        return sql.one(
                """
                INSERT INTO subsidy_application (request_id, service_point_id, applicant, construction_cost,
                  requested_amount, description, status, version, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', 1, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING id""", rs -> rs.getLong(1), requestId, servicePointId, applicant, cost, requested, description, by, at);
    }

    public Optional<SubsidyApplication> byRequest(String requestId) {
        return sql.one(
                "SELECT * FROM subsidy_application WHERE request_id = ?",
                SubsidyApplicationStore::application,
                requestId);
    }

    public Optional<SubsidyApplication> byId(long id) {
        return sql.one("SELECT * FROM subsidy_application WHERE id = ?", SubsidyApplicationStore::application, id);
    }

    /**
     * Records the decision if the application is still at {@code version} (and moves it to the next version);
     * false when another decision got there first.
     */
    public boolean decide(
            long id, int version, String status, BigDecimal approved, String reason, String by, Instant at) {
        return sql.update("""
                UPDATE subsidy_application SET status = ?, approved_amount = ?, decision_reason = ?, decided_by = ?,
                  decided_at = ?, version = version + 1
                WHERE id = ? AND version = ?""", status, approved, reason, by, at, id, version) > 0;
    }

    /** Appends a status change; {@code from} is null for the submission. */
    public void history(long id, String from, String to, String actor, String note, Instant at) {
        sql.update(
                "INSERT INTO subsidy_application_history (application_id, from_status, to_status, actor, note, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                id,
                from,
                to,
                actor,
                note,
                at);
    }

    private static SubsidyApplication application(ResultSet rs) throws SQLException {
        BigDecimal approved = rs.getBigDecimal("approved_amount");
        return SubsidyApplication.newBuilder()
                .setId(rs.getLong("id"))
                .setRequestId(rs.getString("request_id"))
                .setServicePointId(rs.getLong("service_point_id"))
                .setApplicant(rs.getString("applicant"))
                .setConstructionCost(Money.format(rs.getBigDecimal("construction_cost")))
                .setRequestedAmount(Money.format(rs.getBigDecimal("requested_amount")))
                .setStatus(rs.getString("status"))
                .setApprovedAmount(approved == null ? "" : Money.format(approved))
                .setDecisionReason(Objects.requireNonNullElse(rs.getString("decision_reason"), ""))
                .setDecidedBy(Objects.requireNonNullElse(rs.getString("decided_by"), ""))
                .setVersion(rs.getInt("version"))
                .setSubmittedAt(Sql.text(Sql.instant(rs, "submitted_at")))
                .setDecidedAt(Sql.text(Sql.instant(rs, "decided_at")))
                .build();
    }
}
