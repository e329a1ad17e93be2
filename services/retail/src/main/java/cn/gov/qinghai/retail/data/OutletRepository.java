package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Outlets, each created once per request id. Region filters are LIKE patterns built from a region scope; an empty
 * {@code format} matches every format.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutletRepository extends GenericRepository<OutletRow, Long> {

    /** Inserts the outlet: 1, or 0 when a concurrent retry with the same request id inserted first. */
    @Query("""
            INSERT INTO outlet (request_id, enterprise_credit_code, name, region, format, address, licence_mode,
                                licence_number, status, registered_by, registered_at)
            VALUES (:requestId, :owner, :name, :region, :format, :address, :licenceMode, :licenceNumber, :status,
                    :registeredBy, :registeredAt)
            ON CONFLICT (request_id) DO NOTHING""")
    int insertIfAbsent(
            String requestId,
            String owner,
            String name,
            String region,
            String format,
            String address,
            String licenceMode,
            String licenceNumber,
            String status,
            String registeredBy,
            Instant registeredAt);

    Optional<OutletRow> findByRequestId(String requestId);

    boolean existsByIdAndEnterpriseCreditCode(Long id, String enterpriseCreditCode);

    List<OutletRow> findByIdInOrderByIdAsc(Collection<Long> ids);

    @Query(value = """
            SELECT count(*) FROM outlet
             WHERE region LIKE :regionLike AND (:format = '' OR format = :format)""", nativeQuery = true)
    long countIn(String regionLike, String format);

    @Query(value = """
            SELECT * FROM outlet
             WHERE region LIKE :regionLike AND (:format = '' OR format = :format)
             ORDER BY region, id LIMIT :limit OFFSET :offset""", nativeQuery = true)
    List<OutletRow> pageIn(String regionLike, String format, int limit, int offset);
}
