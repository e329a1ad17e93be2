package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.retail.v1.LicenceMode;
import cn.gov.qinghai.retail.v1.Outlet;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code outlet} table: outlets registered or filed by enterprises, each created once per request id. */
@Singleton
public class OutletStore {

    private final Sql sql;

    public OutletStore(Sql sql) {
        this.sql = sql;
    }

    /** The new outlet's id, or empty when a concurrent retry with the same request id inserted first. */
    public Optional<Long> insert(
            String requestId,
            String owner,
            String name,
            String region,
            String format,
            String address,
            LicenceMode mode,
            String licence,
            String status,
            String by,
            Instant at) {
        return sql.one(
                """
                INSERT INTO outlet (request_id, enterprise_credit_code, name, region, format, address, licence_mode,
                                    licence_number, status, registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING id""",
                rs -> rs.getLong(1),
                requestId,
                owner,
                name,
                region,
                format,
                address,
                mode.name(),
                licence,
                status,
                by,
                at);
    }

    public Optional<Outlet> byRequest(String requestId) {
        return sql.one("SELECT * FROM outlet WHERE request_id = ?", OutletStore::row, requestId);
    }

    public Optional<Outlet> byId(long id) {
        return sql.one("SELECT * FROM outlet WHERE id = ?", OutletStore::row, id);
    }

    /** Whether outlet {@code id} belongs to the enterprise {@code owner}. */
    public boolean ownedBy(long id, String owner) {
        return sql.one("SELECT 1 FROM outlet WHERE id = ? AND enterprise_credit_code = ?", rs -> 1, id, owner)
                .isPresent();
    }

    /** How many outlets lie in regions matching {@code regionLike} with {@code format} (empty: any). */
    public int count(String regionLike, String format) {
        return sql.one(
                        "SELECT count(*) FROM outlet WHERE region LIKE ? AND (? = '' OR format = ?)",
                        rs -> rs.getInt(1),
                        regionLike,
                        format,
                        format)
                .orElse(0);
    }

    public List<Outlet> page(String regionLike, String format, int size, int offset) {
        return sql.list("""
                SELECT * FROM outlet WHERE region LIKE ? AND (? = '' OR format = ?)
                ORDER BY region, id LIMIT ? OFFSET ?""", OutletStore::row, regionLike, format, format, size, offset);
    }

    public List<Outlet> byIds(Collection<Long> ids) {
        return sql.list("SELECT * FROM outlet WHERE id = ANY(?::bigint[]) ORDER BY id", OutletStore::row, (Object)
                ids.stream().map(String::valueOf).toArray(String[]::new));
    }

    private static Outlet row(ResultSet rs) throws SQLException {
        return Outlet.newBuilder()
                .setId(rs.getLong("id"))
                .setEnterpriseCreditCode(rs.getString("enterprise_credit_code"))
                .setName(rs.getString("name"))
                .setRegion(rs.getString("region"))
                .setFormat(rs.getString("format"))
                .setAddress(rs.getString("address"))
                .setLicenceMode(LicenceMode.valueOf(rs.getString("licence_mode")))
                .setLicenceNumber(rs.getString("licence_number"))
                .setStatus(rs.getString("status"))
                .setRegisteredAt(Sql.text(Sql.instant(rs, "registered_at")))
                .build();
    }
}
