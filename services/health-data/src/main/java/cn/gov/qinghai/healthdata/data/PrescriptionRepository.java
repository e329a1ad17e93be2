package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.PrescriptionRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Electronic prescriptions, the lines of an encounter. Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PrescriptionRepository extends GenericRepository<PrescriptionRow, UUID> {

    PrescriptionRow save(PrescriptionRow row);

    List<PrescriptionRow> findByEncounterIdOrderByPosition(UUID encounterId);

    @Query("""
            SELECT p.* FROM prescription p JOIN encounter e ON e.id = p.encounter_id
             WHERE e.resident_id = :residentId ORDER BY p.encounter_id, p.position""")
    List<PrescriptionRow> findOfResident(UUID residentId);

    /** Every prescription of a resident's encounters, by encounter, in one query (no query per encounter). */
    default Map<UUID, List<PrescriptionRow>> byEncounterOfResident(UUID residentId) {
        return findOfResident(residentId).stream().collect(Collectors.groupingBy(PrescriptionRow::encounterId));
    }
}
