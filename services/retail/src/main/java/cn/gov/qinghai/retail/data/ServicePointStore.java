package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link ServicePointRepository} cannot express over {@code service_point}: the coverage report by township, a
 * set-based aggregate over points, their services and their approved subsidies.
 */
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
}
