package cn.gov.qinghai.broadband.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Monthly actuals: insert and read only, matching the table's append-only trigger. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActualRepository extends GenericRepository<ActualRow, Long> {

    ActualRow save(ActualRow row);

    Optional<ActualRow> findById(Long id);

    Optional<ActualRow> findByRequestId(String requestId);

    /**
     * The next revision of a subject's month; the caller holds {@link ActualStore#lockSubject}. ({@code month} is
     * bound through the entity property's converter, {@link MonthColumn}.)
     */
    @Query(value = """
            SELECT COALESCE(MAX(revision), 0) + 1 FROM actual_value
             WHERE kind = :kind AND subject_id = :subjectId AND month = :month""", nativeQuery = true)
    int nextRevision(String kind, String subjectId, YearMonth month);

    /** The latest actual of every subject of a kind as of {@code upTo} ({@code null} = latest). */
    default List<ActualRow> latestUpTo(String kind, @Nullable YearMonth upTo) {
        return latestUpToDay(kind, upTo == null ? null : MonthColumn.date(upTo));
    }

    @Query(value = """
            SELECT DISTINCT ON (subject_id) * FROM actual_value
             WHERE kind = :kind AND (CAST(:upTo AS date) IS NULL OR month <= :upTo)
             ORDER BY subject_id, month DESC, revision DESC""", nativeQuery = true)
    List<ActualRow> latestUpToDay(String kind, @Nullable LocalDate upTo);
}
