package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.retail.v1.ServicePoint;
import cn.gov.qinghai.retail.v1.ServicePointKind;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code service_point} table: rural service points and parcel lockers, and their coverage by township. */
@Singleton
public class ServicePointStore {

    /** One township's figures; {@code services} are those offered at any of its points. */
    public record Coverage(
            String townshipCode,
            String townshipName,
            int villages,
            int points,
            int lockers,
            List<String> services,
            int approved,
            BigDecimal approvedTotal) {}

    private final Sql sql;

    public ServicePointStore(Sql sql) {
        this.sql = sql;
    }

    /** Inserts the point unless its request id was already used (then nothing changes). */
    public void insert(
            String requestId,
            ServicePointKind kind,
            String operator,
            String township,
            String townshipName,
            String village,
            String[] services,
            String by,
            Instant at) {
        sql.update("""
                INSERT INTO service_point (request_id, kind, operator_credit_code, township_code, township_name, village,
                                           services, registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""", requestId, kind.name(), operator, township, townshipName, village, services, by, at);
    }

    public Optional<ServicePoint> byRequest(String requestId) {
        return sql.one("SELECT * FROM service_point WHERE request_id = ?", ServicePointStore::point, requestId);
    }

    /** The credit code of the point's operator, or empty when there is no such point. */
    public Optional<String> operator(long id) {
        return sql.one("SELECT operator_credit_code FROM service_point WHERE id = ?", rs -> rs.getString(1), id);
    }

    /** The township code of the point, or empty when there is no such point. */
    public Optional<String> township(long id) {
        return sql.one("SELECT township_code FROM service_point WHERE id = ?", rs -> rs.getString(1), id);
    }

    /** Per township whose code matches {@code townshipLike}, in code order: points, lockers, services, subsidies. */
    public List<Coverage> coverage(String townshipLike) {
        return sql.list(
                """
                SELECT p.township_code, max(p.township_name) AS township_name,
                       count(DISTINCT p.village) AS villages,
                       count(*) FILTER (WHERE p.kind = 'VILLAGE_ECOMMERCE_POINT') AS points,
                       count(*) FILTER (WHERE p.kind = 'SMART_PARCEL_LOCKER') AS lockers,
                       (SELECT array_agg(DISTINCT s) FROM service_point q, unnest(q.services) s
                         WHERE q.township_code = p.township_code) AS services,
                       (SELECT count(*) FROM subsidy_application a JOIN service_point q ON q.id = a.service_point_id
                         WHERE q.township_code = p.township_code AND a.status = 'APPROVED') AS approved,
                       (SELECT coalesce(sum(a.approved_amount), 0) FROM subsidy_application a
                         JOIN service_point q ON q.id = a.service_point_id
                         WHERE q.township_code = p.township_code AND a.status = 'APPROVED') AS approved_total
                FROM service_point p WHERE p.township_code LIKE ?
                GROUP BY p.township_code ORDER BY p.township_code""",
                rs -> {
                    Array arr = rs.getArray("services");
                    return new Coverage(
                            rs.getString("township_code"),
                            rs.getString("township_name"),
                            rs.getInt("villages"),
                            rs.getInt("points"),
                            rs.getInt("lockers"),
                            arr == null ? List.of() : Arrays.asList((String[]) arr.getArray()),
                            rs.getInt("approved"),
                            rs.getBigDecimal("approved_total"));
                },
                townshipLike);
    }

    private static ServicePoint point(ResultSet rs) throws SQLException {
        return ServicePoint.newBuilder()
                .setId(rs.getLong("id"))
                .setKind(ServicePointKind.valueOf(rs.getString("kind")))
                .setOperatorCreditCode(rs.getString("operator_credit_code"))
                .setTownshipCode(rs.getString("township_code"))
                .setTownshipName(rs.getString("township_name"))
                .setVillage(rs.getString("village"))
                .addAllServices(Arrays.asList((String[]) rs.getArray("services").getArray()))
                .setRegisteredAt(Sql.text(Sql.instant(rs, "registered_at")))
                .build();
    }
}
