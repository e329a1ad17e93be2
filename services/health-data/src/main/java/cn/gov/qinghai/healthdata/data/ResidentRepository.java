package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

/** Registered residents (no access decisions here). Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ResidentRepository extends GenericRepository<ResidentRow, UUID> {

    ResidentRow save(ResidentRow row);

    Optional<ResidentRow> findById(UUID id);

    Optional<ResidentRow> findByIdentityNumber(String identityNumber);

    Optional<ResidentRow> findByRequestId(String requestId);
}
