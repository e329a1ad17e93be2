package cn.gov.qinghai.enterprisecost.projects;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the investment-project tables (V2__investment_project_approvals.sql); callers hold the transaction. */
@Singleton
class ProjectRows {

    /** One investment_project row. */
    record Project(
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
    record Step(
            String kind,
            String stepName,
            String department,
            LocalDate on,
            String actor,
            Instant recordedAt,
            String note) {}

    private final JdbcOperations jdbc;

    ProjectRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises concurrent registrations with the same idempotency key. */
    void lockRequestId(String requestId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", ps -> {
            ps.setString(1, "investment-project:" + requestId);
            ps.execute();
            return null;
        });
    }

    Optional<Project> byRequestId(String requestId) {
        return one("SELECT * FROM investment_project WHERE request_id = ?", requestId);
    }

    Optional<Project> byId(long id) {
        return one("SELECT * FROM investment_project WHERE id = ?", id);
    }

    long insert(
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
        return jdbc.prepareStatement("""
                INSERT INTO investment_project (request_id, project_code, project_name, enterprise_credit_code, region,
                    lead_department, current_department, status, received_on, due_on, due_provisional,
                    working_days_limit, registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'IN_APPROVAL', ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            bind(
                    ps,
                    requestId,
                    code,
                    name,
                    creditCode,
                    region,
                    department,
                    department,
                    Date.valueOf(receivedOn),
                    Date.valueOf(dueOn),
                    provisional,
                    limit,
                    actor,
                    Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Version-checked update of the holder, status and decision; false when the version is not current. */
    boolean update(long id, long version, String currentDepartment, String status, LocalDate decidedOn, String note) {
        return jdbc.prepareStatement("""
                UPDATE investment_project SET current_department = ?, status = ?, decided_on = ?, decision_note = ?,
                    version = version + 1
                WHERE id = ? AND version = ?""", ps -> {
            bind(ps, currentDepartment, status, decidedOn == null ? null : Date.valueOf(decidedOn), note, id, version);
            return ps.executeUpdate() == 1;
        });
    }

    void appendStep(
            long projectId,
            String kind,
            String stepName,
            String department,
            LocalDate on,
            String actor,
            Instant at,
            String note) {
        jdbc.prepareStatement("""
                INSERT INTO investment_project_step (project_id, kind, step_name, department, on_date, actor,
                    recorded_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            bind(ps, projectId, kind, stepName, department, Date.valueOf(on), actor, Timestamp.from(at), note);
            return ps.executeUpdate();
        });
    }

    List<Step> steps(long projectId) {
        return jdbc.prepareStatement("SELECT * FROM investment_project_step WHERE project_id = ? ORDER BY id", ps -> {
            ps.setLong(1, projectId);
            List<Step> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Step(
                            rs.getString("kind"),
                            rs.getString("step_name"),
                            rs.getString("department"),
                            rs.getObject("on_date", LocalDate.class),
                            rs.getString("actor"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("note")));
                }
            }
            return out;
        });
    }

    /** Undecided projects due before {@code asOf}, oldest due date first. */
    List<Project> overdue(LocalDate asOf) {
        return jdbc.prepareStatement(
                "SELECT * FROM investment_project WHERE status = 'IN_APPROVAL' AND due_on < ?" + " ORDER BY due_on, id",
                ps -> {
                    ps.setObject(1, asOf);
                    List<Project> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(project(rs));
                        }
                    }
                    return out;
                });
    }

    private Optional<Project> one(String sql, Object key) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(project(rs)) : Optional.<Project>empty();
            }
        });
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

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }
}
