package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** 青海老字号 recognitions, one per certificate number. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BrandRepository extends GenericRepository<BrandRow, Long> {

    /** Records the recognition unless its certificate is already recorded: 1, or 0 when it was. */
    @Query("""
            INSERT INTO brand (enterprise_credit_code, brand, certificate_number, recognised_on, online, recorded_by,
                               recorded_at)
            VALUES (:owner, :brand, :certificate, :recognisedOn, :online, :recordedBy, :recordedAt)
            ON CONFLICT (certificate_number) DO NOTHING""")
    int insertIfAbsent(
            String owner,
            String brand,
            String certificate,
            LocalDate recognisedOn,
            boolean online,
            String recordedBy,
            Instant recordedAt);

    Optional<BrandRow> findByCertificateNumber(String certificateNumber);

    long count();

    /** A page of recognitions with their enterprises' names, oldest recognition first. */
    @Query(value = """
            SELECT b.id, b.enterprise_credit_code, e.name AS enterprise_name, b.brand, b.certificate_number,
                   b.recognised_on, b.online
              FROM brand b JOIN enterprise e ON e.credit_code = b.enterprise_credit_code
             ORDER BY b.recognised_on, b.id LIMIT :limit OFFSET :offset""", nativeQuery = true)
    List<BrandListing> page(int limit, int offset);
}
