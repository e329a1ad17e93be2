package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.retail.v1.Brand;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The {@code brand} table: 青海老字号 recognitions, one per certificate, shown with the enterprise's name. */
@Singleton
public class BrandStore {

    private static final String SELECT = """
            SELECT b.*, e.name AS enterprise_name FROM brand b JOIN enterprise e
              ON e.credit_code = b.enterprise_credit_code""";

    private final Sql sql;

    public BrandStore(Sql sql) {
        this.sql = sql;
    }

    /** The new recognition's id, or empty when the certificate is already recorded. */
    public Optional<Long> insert(
            String owner, String brand, String certificate, LocalDate on, boolean online, String by, Instant at) {
        return sql.one("""
                INSERT INTO brand (enterprise_credit_code, brand, certificate_number, recognised_on, online,
                                   recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (certificate_number) DO NOTHING RETURNING id""", rs -> rs.getLong(1), owner, brand, certificate, on, online, by, at);
    }

    public Optional<Brand> byId(long id) {
        return sql.one(SELECT + " WHERE b.id = ?", BrandStore::row, id);
    }

    public int count() {
        return sql.one("SELECT count(*) FROM brand", rs -> rs.getInt(1)).orElse(0);
    }

    public List<Brand> page(int size, int offset) {
        return sql.list(SELECT + " ORDER BY b.recognised_on, b.id LIMIT ? OFFSET ?", BrandStore::row, size, offset);
    }

    private static Brand row(ResultSet rs) throws SQLException {
        return Brand.newBuilder()
                .setId(rs.getLong("id"))
                .setEnterpriseCreditCode(rs.getString("enterprise_credit_code"))
                .setEnterpriseName(rs.getString("enterprise_name"))
                .setBrand(rs.getString("brand"))
                .setCertificateNumber(rs.getString("certificate_number"))
                .setRecognisedOn(rs.getDate("recognised_on").toLocalDate().toString())
                .setOnline(rs.getBoolean("online"))
                .build();
    }
}
