package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One import of the 建档立卡 roster in progress (青政办〔2017〕86号 三(一)): a {@code registry_import} row and a
 * PostgreSQL COPY into {@code registry_person}, in one transaction on a dedicated connection held for the whole
 * stream (outside any {@code @Transactional}, so not through {@link Sql}'s statements; values still bound by
 * {@link Sql#bind}). {@link #complete} replaces the previous import and commits;
 * {@link #abort} leaves nothing behind. Not thread-safe: one gRPC stream drives it.
 */
public final class RegistryImport {

    private static final int BATCH_BYTES = 1 << 16;

    private final Connection connection;
    private final long id;
    private final CopyIn copy;
    private final StringBuilder batch = new StringBuilder(BATCH_BYTES);
    private boolean open = true;

    RegistryImport(DataSource dataSource, String importedBy, Instant startedAt) throws SQLException {
        this.connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO registry_import (imported_by, started_at) VALUES (?, ?) RETURNING id")) {
                Sql.bind(ps, importedBy, startedAt);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    this.id = rs.getLong(1);
                }
            }
            this.copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY registry_person (import_id, id_number, name, county) FROM STDIN WITH (FORMAT csv)");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    public long id() {
        return id;
    }

    /**
     * Adds one checked row; rows are written to the COPY in batches of 64 KiB. {@code name} holds no quote (the
     * caller checks), so quoting it is all the CSV escaping COPY needs.
     */
    public void add(String idNumber, String name, String county) throws SQLException {
        batch.append(id)
                .append(',')
                .append(idNumber)
                .append(",\"")
                .append(name)
                .append("\",")
                .append(county)
                .append('\n');
        if (batch.length() >= BATCH_BYTES) {
            flush();
        }
    }

    /** Ends the COPY, drops the previous import's rows, records the counts and commits. */
    public void complete(Instant completedAt, long lines, long accepted, long rejected) throws SQLException {
        flush();
        copy.endCopy();
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM registry_person WHERE import_id <> ?")) {
            Sql.bind(ps, id);
            ps.executeUpdate();
        }
        try (var st = connection.createStatement()) {
            // Fresh planner statistics for the match report after a bulk change of the table.
            st.execute("ANALYZE registry_person");
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE registry_import SET completed_at = ?, lines = ?, accepted = ?, rejected = ? WHERE id = ?")) {
            Sql.bind(ps, completedAt, lines, accepted, rejected, id);
            ps.executeUpdate();
        }
        connection.commit();
        close();
    }

    /** Cancels the COPY and rolls everything back; a no-op once completed or aborted. */
    public void abort() {
        if (!open) {
            return;
        }
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the rollback below discards everything anyway
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // closing the connection discards the transaction
        }
        close();
    }

    private void flush() throws SQLException {
        if (batch.length() > 0) {
            byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            batch.setLength(0);
        }
    }

    private void close() {
        open = false;
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException ignored) {
            // pool will replace a broken connection
        }
    }
}
