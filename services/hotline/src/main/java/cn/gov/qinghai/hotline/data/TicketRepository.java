package cn.gov.qinghai.hotline.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * Tickets one at a time: intake, look-ups and the state a step writes. Lists chosen at run time are in
 * {@link TicketStore}. Callers own the transaction.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TicketRepository extends GenericRepository<TicketRow, Long> {

    /**
     * Inserts a new ticket (version 1) unless its request id is taken; 0 when it is (the caller replays). Scalar
     * parameters on purpose: with the row as its only parameter Micronaut Data 4.14 runs this as a persist (the count
     * is always 1, and a conflict fails "Failed to generate ID"); checked by ConflictingInsertsTest.
     */
    @Query("""
            INSERT INTO ticket (number, request_id, payload_hash, state, region, prefecture, category_code, channel,
                hotline, hand_off, agency_id, description, address, latitude, longitude, caller_phone, source,
                received_at, accept_limit_hours, resolve_limit_hours, accept_due_at, resolve_due_at, version,
                classification)
            VALUES (:number, :requestId, :payloadHash, :state, :region, :prefecture, :categoryCode, :channel,
                :hotline, :handOff, :agencyId, :description, :address, :latitude, :longitude, :callerPhone, :source,
                :receivedAt, :acceptLimitHours, :resolveLimitHours, :acceptDueAt, :resolveDueAt, 1, :classification)
            ON CONFLICT (request_id) DO NOTHING""")
    int insertIfNew(
            String number,
            String requestId,
            String payloadHash,
            String state,
            String region,
            String prefecture,
            @Nullable String categoryCode,
            String channel,
            String hotline,
            String handOff,
            @Nullable String agencyId,
            String description,
            String address,
            String latitude,
            String longitude,
            String callerPhone,
            String source,
            Instant receivedAt,
            int acceptLimitHours,
            int resolveLimitHours,
            Instant acceptDueAt,
            Instant resolveDueAt,
            byte[] classification);

    Optional<TicketRow> findByRequestId(String requestId);

    Optional<TicketRow> findByNumber(String number);

    /** The row locked for update (a transition reads, checks and writes under this lock). */
    Optional<TicketRow> findByNumberForUpdate(String number);

    /** Writes the new current state; the caller checked the version under the row lock. */
    void update(TicketRow ticket);
}
