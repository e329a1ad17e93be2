package cn.gov.qinghai.broadband.data;

import cn.gov.qinghai.broadband.seed.SeedData;
import cn.gov.qinghai.broadband.seed.SeedProject;
import cn.gov.qinghai.kit.data.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the 117 projects of 附件2 into {@code project} once, idempotently, at start-up (see {@link SeedOnStartup}).
 *
 * <p>Why at start-up and not a Flyway SQL migration: the seed CSV is the single verified source (README, repairs);
 * copying it into SQL would create a second copy to keep equal. Why not a Flyway Java migration: this loader needs
 * the same parser the service and the tests use. It is still safe with many replicas: an advisory lock serialises
 * loaders, the {@code seed_load} row makes a second start a no-op, and a different seed checksum refuses to start
 * (stored plan data is never silently replaced; a real change of plan needs a reviewed migration).
 */
@Singleton
public class SeedLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SeedLoader.class);
    private static final String NAME = "qinghai-2017-broadband-attachment-2";
    /** Advisory lock namespace of this service ("BB" + 1). */
    static final int LOCK_NAMESPACE = 0x4242_0001;

    private final Sql sql;
    private final SeedData seed;
    private final Clock clock;

    public SeedLoader(Sql sql, SeedData seed, Clock clock) {
        this.sql = sql;
        this.seed = seed;
        this.clock = clock;
    }

    /** Inserts the seed projects unless this exact seed is already loaded; returns the rows inserted. */
    @Transactional
    public int load() {
        lock(sql, LOCK_NAMESPACE, 0);
        List<String> loaded = sql.list("SELECT checksum FROM seed_load WHERE name = ?", rs -> rs.getString(1), NAME);
        if (!loaded.isEmpty()) {
            if (!loaded.get(0).equals(seed.checksum())) {
                throw new IllegalStateException("the database holds a different broadband seed (checksum "
                        + loaded.get(0) + ") than this build (" + seed.checksum() + "); refusing to start");
            }
            return 0;
        }
        // one batched statement for the seed rows (driver level, on the kit's transaction-aware operations)
        sql.jdbc()
                .prepareStatement(
                        "INSERT INTO project (id, programme, category, seq, name, owner, planned_investment_yi,"
                                + " planned_investment_yuan, repairs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        ps -> {
                            for (SeedProject p : seed.projects()) {
                                ps.setLong(1, p.id());
                                ps.setString(2, p.programme());
                                ps.setString(3, p.category());
                                ps.setInt(4, p.seq());
                                ps.setString(5, p.name());
                                ps.setString(6, p.owner());
                                ps.setString(7, p.plannedYi());
                                ps.setBigDecimal(8, p.plannedYuan());
                                ps.setString(9, String.join(";", p.repairs()));
                                ps.addBatch();
                            }
                            return ps.executeBatch();
                        });
        sql.update(
                "INSERT INTO seed_load (name, checksum, rows, loaded_at) VALUES (?, ?, ?, ?)",
                NAME,
                seed.checksum(),
                seed.projects().size(),
                clock.instant());
        LOG.info(
                "loaded {} broadband projects from the seed (checksum {})",
                seed.projects().size(),
                seed.checksum());
        return seed.projects().size();
    }

    /** Serialises writers of one key of this service until the transaction ends (two-int advisory lock). */
    static void lock(Sql sql, int namespace, int key) {
        sql.execute("SELECT pg_advisory_xact_lock(?, ?)", namespace, key);
    }
}
