package cn.gov.qinghai.retail.data;

import cn.gov.qinghai.kit.data.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.postgresql.PGConnection;

/**
 * The {@code reading} table: temperature readings of shipments, written in bulk by COPY and read back as a stream.
 */
@Singleton
public class ReadingStore {

    private final Sql sql;

    public ReadingStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Writes one chunk of readings in one transaction: COPY text rows ("shipment\tinstant\tcelsius\n") into a
     * per-connection staging table, then one {@code INSERT … SELECT … ON CONFLICT DO NOTHING} so re-sent readings
     * (same shipment and time) are skipped. Set-based: two round trips per chunk whatever its size. Returns how many
     * were new.
     */
    @Transactional
    public int write(String copyRows) {
        return sql.jdbc().execute(connection -> {
            try (var st = connection.createStatement()) {
                st.execute(
                        "CREATE TEMP TABLE IF NOT EXISTS reading_stage "
                                + "(shipment_code VARCHAR(64), recorded_at TIMESTAMPTZ, celsius NUMERIC(7, 3)) ON COMMIT DELETE ROWS");
            }
            try {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY reading_stage FROM STDIN", new StringReader(copyRows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (var st = connection.createStatement()) {
                return st.executeUpdate(
                        "INSERT INTO reading SELECT shipment_code, recorded_at, celsius FROM reading_stage "
                                + "ON CONFLICT (shipment_code, recorded_at) DO NOTHING");
            }
        });
    }

    /**
     * Hands every reading of the shipment to {@code each} in time order through a server-side cursor (needs a
     * transaction), so memory stays flat; fetched 10,000 at a time since a shipment can have millions.
     */
    public void inTimeOrder(String shipmentCode, BiConsumer<Instant, BigDecimal> each) {
        sql.jdbc()
                .prepareStatement(
                        "SELECT recorded_at, celsius FROM reading WHERE shipment_code = ? ORDER BY recorded_at", ps -> {
                            ps.setFetchSize(10_000);
                            ps.setString(1, shipmentCode);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    each.accept(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2));
                                }
                            }
                            return null;
                        });
    }
}
