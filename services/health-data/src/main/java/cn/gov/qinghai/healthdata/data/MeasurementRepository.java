package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.MeasurementRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Measurements of health-record entries (key: entry id and kind). Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasurementRepository extends GenericRepository<MeasurementRow, UUID> {

    @Query("INSERT INTO entry_measurement (entry_id, kind, value) VALUES (:entryId, :kind, :value)")
    void insert(MeasurementRow row);

    List<MeasurementRow> findByEntryIdOrderByKind(UUID entryId);

    @Query("""
            SELECT m.* FROM entry_measurement m JOIN record_entry e ON e.id = m.entry_id
             WHERE e.resident_id = :residentId ORDER BY m.entry_id, m.kind""")
    List<MeasurementRow> findOfResident(UUID residentId);

    /** Every measurement of a resident's entries, by entry, in one query. */
    default Map<UUID, List<MeasurementRow>> byEntryOfResident(UUID residentId) {
        return findOfResident(residentId).stream().collect(Collectors.groupingBy(MeasurementRow::entryId));
    }
}
