package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.service.AuditTrail;
import cn.gov.qinghai.kit.data.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads an {@code audit_event} row. */
public final class AuditRows {
    private AuditRows() {}

    public static AuditTrail.Stored map(ResultSet rs) throws SQLException {
        return new AuditTrail.Stored(
                rs.getLong("sequence"),
                Sql.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("roles"),
                rs.getString("organisation"),
                rs.getString("purpose"),
                rs.getString("action"),
                rs.getString("resource"),
                rs.getString("resource_id"),
                Sql.uuid(rs, "resident_id"),
                rs.getString("outcome"),
                rs.getString("detail"),
                rs.getString("request_id"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
