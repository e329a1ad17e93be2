package cn.gov.qinghai.wage.data;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** Published standards: insert and read only, matching the table's append-only trigger. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PublishedStandardRepository extends GenericRepository<PublishedStandardRow, Long> {

    PublishedStandardRow save(PublishedStandardRow row);

    Optional<PublishedStandardRow> findByRequestId(String requestId);

    List<PublishedStandardRow> listOrderByEffectiveFromAscAndIdAsc();
}
