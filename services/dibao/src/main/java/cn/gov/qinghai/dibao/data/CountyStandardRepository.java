package cn.gov.qinghai.dibao.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * County standards: insert and read only, matching the table's append-only trigger. Publications are serialised by
 * {@link PublicationLockStore#lockStandards()}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CountyStandardRepository extends GenericRepository<CountyStandardRow, Long> {

    CountyStandardRow save(CountyStandardRow row);

    Optional<CountyStandardRow> findByRequestId(String requestId);

    /** The county's newest standard, if it has one. */
    Optional<CountyStandardRow> findFirstByCountyOrderByEffectiveFromDesc(String county);

    /** The county's standard in force on {@code date}, if one was published by then. */
    @Query("""
            SELECT * FROM county_standard WHERE county = :county AND effective_from <= :date
             ORDER BY effective_from DESC LIMIT 1""")
    Optional<CountyStandardRow> inForce(String county, LocalDate date);

    /** Every published standard, oldest first. */
    List<CountyStandardRow> listOrderByEffectiveFromAscAndIdAsc();
}
