package cn.gov.qinghai.enterprisecost.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The investment-project tables (V2__investment_project_approvals.sql): projects with their version-checked status
 * and their append-only steps. Callers hold the transaction.
 */
@Singleton
public class ProjectStore {

    /** One investment_project row. */
    public record Project(
            long id,
            String requestId,
            String projectCode,
            String projectName,
            String creditCode,
            String region,
            String leadDepartment,
            String currentDepartment,
            String status,
            LocalDate receivedOn,
            LocalDate dueOn,
            boolean dueProvisional,
            int limit,
            LocalDate decidedOn,
            String decisionNote,
            String registeredBy,
            long version) {}

    /** One investment_project_step row. */
    public record Step(
            String kind,
            String stepName,
            String department,
            LocalDate on,
            String actor,
            Instant recordedAt,
            String note) {}

    private final Sql sql;

    public ProjectStore(Sql sql) {
        this.sql = sql;
    }

    /** Serialises concurrent registrations with the same idempotency key until commit. */
    public void lockRequestId(String requestId) {
        sql.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "investment-project:" + requestId);
    }

    public Optional<Project> byRequestId(String requestId) {
        return sql.one("SELECT * FROM investment_project WHERE request_id = ?", ProjectStore::project, requestId);
    }

    public Optional<Project> byId(long id) {
        return sql.one("SELECT * FROM investment_project WHERE id = ?", ProjectStore::project, id);
    }

    /** The new project's id (status IN_APPROVAL, held by its lead department). */
    public long insert(
            String requestId,
            String code,
            String name,
            String creditCode,
            String region,
            String department,
            LocalDate receivedOn,
            LocalDate dueOn,
            boolean provisional,
            int limit,
            String actor,
            Instant at) {
        return sql.one(
                        """
                INSERT INTO investment_project (request_id, project_code, project_name, enterprise_credit_code, region,
                    lead_department, current_department, status, received_on, due_on, due_provisional,
                    working_days_limit, registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'IN_APPROVAL', ?, ?, ?, ?, ?, ?) RETURNING id""",
                        rs -> rs.getLong(1),
                        requestId,
                        code,
                        name,
                        creditCode,
                        region,
                        department,
                        department,
                        receivedOn,
                        dueOn,
                        provisional,
                        limit,
                        actor,
                        at)
                .orElseThrow();
    }

    /** Version-checked update of the holder, status and decision; false when the version is not current. */
    public boolean update(
            long id, long version, String currentDepartment, String status, LocalDate decidedOn, String note) {
        return sql.update("""
                UPDATE investment_project SET current_department = ?, status = ?, decided_on = ?, decision_note = ?,
                    version = version + 1
                WHERE id = ? AND version = ?""", currentDepartment, status, decidedOn, note, id, version) == 1;
    }

    public void appendStep(
            long projectId,
            String kind,
            String stepName,
            String department,
            LocalDate on,
            String actor,
            Instant at,
            String note) {
        sql.update("""
                INSERT INTO investment_project_step (project_id, kind, step_name, department, on_date, actor,
                    recorded_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", projectId, kind, stepName, department, on, actor, at, note);
    }

    public List<Step> steps(long projectId) {
        return sql.list(
                "SELECT * FROM investment_project_step WHERE project_id = ? ORDER BY id",
                rs -> new Step(
                        rs.getString("kind"),
                        rs.getString("step_name"),
                        rs.getString("department"),
                        Sql.date(rs, "on_date"),
                        rs.getString("actor"),
                        Sql.instant(rs, "recorded_at"),
                        rs.getString("note")),
                projectId);
    }

    /** Undecided projects due before {@code asOf}, oldest due date first. */
    public List<Project> overdue(LocalDate asOf) {
        return sql.list(
                "SELECT * FROM investment_project WHERE status = 'IN_APPROVAL' AND due_on < ? ORDER BY due_on, id",
                ProjectStore::project,
                asOf);
    }

    private static Project project(ResultSet rs) throws SQLException {
        return new Project(
                rs.getLong("id"),
                rs.getString("request_id"),
                rs.getString("project_code"),
                rs.getString("project_name"),
                rs.getString("enterprise_credit_code"),
                rs.getString("region"),
                rs.getString("lead_department"),
                rs.getString("current_department"),
                rs.getString("status"),
                rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getBoolean("due_provisional"),
                rs.getInt("working_days_limit"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("decision_note"),
                rs.getString("registered_by"),
                rs.getLong("version"));
    }
}
