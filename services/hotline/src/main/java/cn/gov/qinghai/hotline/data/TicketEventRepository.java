package cn.gov.qinghai.hotline.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** A ticket's history: insert and read only, matching the table's append-only trigger. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TicketEventRepository extends GenericRepository<EventRow, Long> {

    /** Appends {@code row} as its ticket's next seq (its seq is ignored). */
    @Query("""
            INSERT INTO ticket_event (ticket_id, seq, action, event, from_state, to_state, actor, at, note, agency_id,
                request_id)
            VALUES (:ticketId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ticket_event WHERE ticket_id = :ticketId),
                :action, :event, :fromState, :toState, :actor, :at, :note, :agencyId, :requestId)""")
    void append(EventRow row);

    List<EventRow> findByTicketIdOrderBySeq(long ticketId);

    /** Whether a step with this request id was already taken on the ticket (the caller replays it). */
    boolean existsByTicketIdAndRequestId(long ticketId, String requestId);
}
