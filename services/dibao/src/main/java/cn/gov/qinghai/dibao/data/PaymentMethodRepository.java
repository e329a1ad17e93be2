package cn.gov.qinghai.dibao.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.Optional;

/**
 * County payment methods: insert and read only, matching the table's append-only trigger. Publications are
 * serialised by {@link PublicationLockStore#lockPaymentMethods()}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PaymentMethodRepository extends GenericRepository<PaymentMethodRow, Long> {

    PaymentMethodRow save(PaymentMethodRow row);

    Optional<PaymentMethodRow> findByRequestId(String requestId);

    /** The county's newest payment method, if it has one. */
    Optional<PaymentMethodRow> findFirstByCountyOrderByEffectiveFromDesc(String county);

    /** The county's payment method in force on {@code date}, if one was published by then. */
    @Query("""
            SELECT * FROM county_payment_method WHERE county = :county AND effective_from <= :date
             ORDER BY effective_from DESC LIMIT 1""")
    Optional<PaymentMethodRow> inForce(String county, LocalDate date);
}
