package cn.gov.qinghai.retail.service;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.postgresql.PGConnection;

/**
 * Writes one chunk of readings in one transaction: COPY into a per-connection staging table, then one
 * {@code INSERT … SELECT … ON CONFLICT DO NOTHING} so re-sent readings (same shipment and time) are skipped. Set-based:
 * two round trips per chunk whatever its size.
 */
@Singleton
public class ReadingWriter {

    private final JdbcOperations jdbc;

    public ReadingWriter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes COPY text rows ("shipment\tinstant\tcelsius\n"); returns how many were new. */
    @Transactional
    public int write(String copyRows) {
        return jdbc.execute(connection -> {
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
}
