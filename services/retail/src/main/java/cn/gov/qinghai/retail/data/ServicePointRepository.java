package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Rural service points and parcel lockers, each created once per request id. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ServicePointRepository extends GenericRepository<ServicePointRow, Long> {

    /** Inserts the point unless its request id was already used (then nothing changes): 1, or 0. */
    @Query("""
            INSERT INTO service_point (request_id, kind, operator_credit_code, township_code, township_name, village,
                                       services, registered_by, registered_at)
            VALUES (:requestId, :kind, :operator, :townshipCode, :townshipName, :village, :services, :registeredBy,
                    :registeredAt)
            ON CONFLICT (request_id) DO NOTHING""")
    int insertIfAbsent(
            String requestId,
            String kind,
            String operator,
            String townshipCode,
            String townshipName,
            String village,
            @TypeDef(type = DataType.STRING_ARRAY) String[] services,
            String registeredBy,
            Instant registeredAt);

    Optional<ServicePointRow> findByRequestId(String requestId);

    /** The credit code of the point's operator, or empty when there is no such point. */
    Optional<String> findOperatorCreditCodeById(Long id);

    /** The township code of the point, or empty when there is no such point. */
    Optional<String> findTownshipCodeById(Long id);
}
