package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.retail.v1.Enterprise;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code enterprise} table: registered retail enterprises, keyed by credit code. */
@Singleton
public class EnterpriseStore {

    private final Sql sql;

    public EnterpriseStore(Sql sql) {
        this.sql = sql;
    }

    /** Inserts the enterprise unless its credit code is taken; false when it was. */
    public boolean insert(
            String code, String name, String region, boolean chain, String hqLicence, String by, Instant at) {
        return sql.update("""
                INSERT INTO enterprise (credit_code, name, region, chain, hq_licence_number, registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (credit_code) DO NOTHING""", code, name, region, chain, hqLicence, by, at) > 0;
    }

    public boolean exists(String code) {
        return sql.one("SELECT 1 FROM enterprise WHERE credit_code = ?", rs -> 1, code)
                .isPresent();
    }

    public Optional<Enterprise> find(String code) {
        return sql.one("SELECT * FROM enterprise WHERE credit_code = ?", EnterpriseStore::row, code);
    }

    private static Enterprise row(ResultSet rs) throws SQLException {
        return Enterprise.newBuilder()
                .setCreditCode(rs.getString("credit_code"))
                .setName(rs.getString("name"))
                .setRegion(rs.getString("region"))
                .setChain(rs.getBoolean("chain"))
                .setHqLicenceNumber(rs.getString("hq_licence_number"))
                .setRegisteredAt(Sql.text(Sql.instant(rs, "registered_at")))
                .build();
    }
}
