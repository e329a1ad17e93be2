package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.ConsentRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Consents. A consent is never deleted: a revocation stamps revoked_at/revoked_by once, history stays. Callers hold
 * the transaction.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConsentRepository extends GenericRepository<ConsentRow, UUID> {

    ConsentRow save(ConsentRow row);

    Optional<ConsentRow> findById(UUID id);

    Optional<ConsentRow> findByRequestId(String requestId);

    /** A resident's consents, newest grant first. */
    List<ConsentRow> findByResidentIdOrderByGrantedAtDescAndIdAsc(UUID residentId);

    /** Stamps a revocation once; 0 when it was already revoked. */
    @Query("UPDATE consent SET revoked_by = :by, revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revoke(UUID id, String by, Instant at);

    /** Whether an active consent exists for this organisation and purpose on {@code day}. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM consent WHERE resident_id = :residentId AND organisation = :organisation
                AND purpose = :purpose AND revoked_at IS NULL AND valid_from <= :day
                AND (valid_to IS NULL OR valid_to >= :day))""")
    boolean hasActiveConsent(UUID residentId, String organisation, String purpose, LocalDate day);
}
