package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Encounters (electronic medical records). Each insert also counts the encounter in the statistics cube
 * ({@link RecordStore#countEncounter}, same transaction). Callers hold the transaction.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EncounterRepository extends GenericRepository<EncounterRow, UUID> {

    EncounterRow save(EncounterRow row);

    Optional<EncounterRow> findByRequestId(String requestId);

    List<EncounterRow> findByResidentIdOrderByStartDateAscAndIdAsc(UUID residentId);

    /** A resident's encounters starting from {@code from} to {@code to} (inclusive). */
    List<EncounterRow> findByResidentIdAndStartDateBetweenOrderByStartDateAscAndIdAsc(
            UUID residentId, LocalDate from, LocalDate to);
}
