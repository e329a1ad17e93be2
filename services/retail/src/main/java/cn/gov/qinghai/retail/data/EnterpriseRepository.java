package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Registered retail enterprises, keyed by credit code. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EnterpriseRepository extends GenericRepository<EnterpriseRow, String> {

    /**
     * Inserts the enterprise unless its credit code is taken: 1, or 0 when it was (also when a concurrent
     * registration of the same code committed first, which a plain insert would turn into a constraint error).
     */
    @Query("""
            INSERT INTO enterprise (credit_code, name, region, chain, hq_licence_number, registered_by, registered_at)
            VALUES (:creditCode, :name, :region, :chain, :hqLicenceNumber, :registeredBy, :registeredAt)
            ON CONFLICT (credit_code) DO NOTHING""")
    int insertIfAbsent(
            String creditCode,
            String name,
            String region,
            boolean chain,
            String hqLicenceNumber,
            String registeredBy,
            Instant registeredAt);

    boolean existsById(String creditCode);

    Optional<EnterpriseRow> findById(String creditCode);
}
