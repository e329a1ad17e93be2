package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;

/** The {@code pallet_pilot} table: one row per enrolled enterprise, replaced on re-enrolment. */
@Singleton
public class PalletPilotStore {

    private final Sql sql;

    public PalletPilotStore(Sql sql) {
        this.sql = sql;
    }

    public void upsert(String owner, String sector, long total, long standard, String by, Instant at) {
        sql.update("""
                INSERT INTO pallet_pilot (enterprise_credit_code, sector, total_pallets, standard_pallets, enrolled_by,
                                          enrolled_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (enterprise_credit_code) DO UPDATE SET sector = excluded.sector,
                  total_pallets = excluded.total_pallets, standard_pallets = excluded.standard_pallets,
                  enrolled_by = excluded.enrolled_by, enrolled_at = excluded.enrolled_at""", owner, sector, total, standard, by, at);
    }
}
