package cn.gov.qinghai.retail.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/** Standard-pallet pilots: one row per enrolled enterprise, replaced on re-enrolment. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PalletPilotRepository extends GenericRepository<PalletPilotRow, String> {

    /** Enrols the enterprise, or replaces its enrolment (one statement, so concurrent enrolments cannot collide). */
    @Query("""
            INSERT INTO pallet_pilot (enterprise_credit_code, sector, total_pallets, standard_pallets, enrolled_by,
                                      enrolled_at)
            VALUES (:owner, :sector, :totalPallets, :standardPallets, :enrolledBy, :enrolledAt)
            ON CONFLICT (enterprise_credit_code) DO UPDATE SET sector = excluded.sector,
              total_pallets = excluded.total_pallets, standard_pallets = excluded.standard_pallets,
              enrolled_by = excluded.enrolled_by, enrolled_at = excluded.enrolled_at""")
    void enrol(
            String owner,
            String sector,
            long totalPallets,
            long standardPallets,
            String enrolledBy,
            Instant enrolledAt);
}
