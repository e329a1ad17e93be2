package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.RegistryImport;
import cn.gov.qinghai.dibao.data.RegistryStore;
import cn.gov.qinghai.dibao.v1.BadRow;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.csv.CsvEncoding;
import cn.gov.qinghai.kit.csv.CsvReader;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.region.Regions;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed import of the 建档立卡 roster (青政办〔2017〕86号 三(一)). Chunks are split into lines as they
 * arrive; each line is checked (identity number per GB 11643, name, county inside the caller's region) and a good
 * row goes straight into the import's PostgreSQL COPY ({@link RegistryImport}), so memory stays flat however long
 * the file. gRPC asks for the next chunk
 * only after this one is written, which is the flow control. Everything happens in one transaction on a dedicated
 * connection: a failure or a cancelled stream leaves nothing behind; on completion the import replaces the previous.
 */
final class RegistryImportStream implements StreamObserver<PovertyRosterChunk> {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryImportStream.class);
    static final int MAX_BAD_ROWS_LISTED = 1000;
    private static final int MAX_LINE_BYTES = 4096;

    private final StreamObserver<PovertyRosterImport> out;
    private final Caller caller;
    private final Clock clock;
    private final LocalDate today;
    private final RegistryImport registryImport;
    private final long importId;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final List<BadRow> badRows = new ArrayList<>();
    /**
     * UTF-8 or GB 18030 (CsvEncoding), decided by the first chunk holding a non-ASCII byte: until then both read the
     * same. Chunks are split at LF, which neither encoding uses inside a character.
     */
    private Charset charset;

    private long line;
    private long lines;
    private long accepted;
    private long rejected;
    private boolean finished;

    RegistryImportStream(StreamObserver<PovertyRosterImport> out, Caller caller, RegistryStore registry, Clock clock) {
        this.out = out;
        this.caller = caller;
        this.clock = clock;
        this.today = LocalDate.now(clock);
        try {
            this.registryImport = registry.begin(caller.subject(), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the registry import", e);
        }
        this.importId = registryImport.id();
    }

    @Override
    public void onNext(PovertyRosterChunk chunk) {
        if (finished) {
            return;
        }
        try {
            byte[] data = chunk.getData().toByteArray();
            if (charset == null && !ascii(data)) {
                charset = CsvEncoding.detect(data, Math.min(data.length, CsvEncoding.SNIFF_BYTES));
            }
            int start = 0;
            for (int i = 0; i < data.length; i++) {
                if (data[i] == '\n') {
                    partial.write(data, start, i - start);
                    handleLine(partial.toByteArray());
                    partial.reset();
                    start = i + 1;
                }
            }
            partial.write(data, start, data.length - start);
            if (partial.size() > MAX_LINE_BYTES) {
                // A "line" this long is not a roster row; skip to the next newline rather than buffer it all.
                line++;
                lines++;
                bad("line longer than " + MAX_LINE_BYTES + " bytes");
                partial.reset();
            }
        } catch (SQLException e) {
            fail(e);
        }
    }

    @Override
    public void onError(Throwable t) {
        // The client went away: nothing of this import stays.
        abort();
        LOG.info("registry import {} cancelled by the client: {}", importId, t.getMessage());
    }

    @Override
    public void onCompleted() {
        if (finished) {
            return;
        }
        try {
            if (partial.size() > 0) {
                handleLine(partial.toByteArray());
            }
            var completed = clock.instant();
            registryImport.complete(completed, lines, accepted, rejected);
            finished = true;
            LOG.info(
                    "registry import {} by {}: {} lines, {} accepted, {} rejected",
                    importId,
                    caller.subject(),
                    lines,
                    accepted,
                    rejected);
            out.onNext(PovertyRosterImport.newBuilder()
                    .setImportId(String.valueOf(importId))
                    .setLines(lines)
                    .setAccepted(accepted)
                    .setRejected(rejected)
                    .addAllBadRows(badRows)
                    .setCompletedAt(completed.toString())
                    .build());
            out.onCompleted();
        } catch (SQLException e) {
            fail(e);
        }
    }

    private void handleLine(byte[] raw) throws SQLException {
        line++;
        String text = new String(raw, charset == null ? StandardCharsets.UTF_8 : charset);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (line == 1) {
            text = CsvEncoding.withoutBom(text);
        }
        if (line == 1 && text.trim().toLowerCase().startsWith("id_number")) {
            return;
        }
        if (text.isBlank()) {
            return;
        }
        lines++;
        List<String> f = CsvReader.fields(text);
        if (f.size() != 3) {
            bad("expected 3 fields id_number,name,county, found " + f.size());
            return;
        }
        String id = f.get(0).trim();
        String name = f.get(1).trim();
        String county = f.get(2).trim();
        var idProblem = ResidentId.problem(id, today);
        if (idProblem.isPresent()) {
            bad("id_number " + idProblem.get());
            return;
        }
        if (name.isEmpty() || name.length() > 50 || name.contains("\"")) {
            bad("name must be 1–50 characters without quotes");
            return;
        }
        if (!Regions.isWithinQinghai(county) || county.endsWith("00")) {
            bad("county must be a county-level code inside Qinghai, found '" + clip(county) + "'");
            return;
        }
        if (!caller.covers(county)) {
            bad("county " + county + " is outside your region " + caller.region());
            return;
        }
        accepted++;
        registryImport.add(id, name, county);
    }

    private void bad(String reason) {
        rejected++;
        if (badRows.size() < MAX_BAD_ROWS_LISTED) {
            badRows.add(BadRow.newBuilder().setLine(line).setReason(reason).build());
        }
    }

    private void fail(SQLException e) {
        abort();
        LOG.error("registry import {} failed", importId, e);
        out.onError(ServiceException.of(
                io.grpc.Status.Code.INTERNAL,
                "IMPORT_FAILED",
                "the import failed and was rolled back; nothing was kept"));
    }

    private void abort() {
        if (finished) {
            return;
        }
        finished = true;
        registryImport.abort();
    }

    private static boolean ascii(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String clip(String v) {
        return v.length() > 20 ? v.substring(0, 20) + "…" : v;
    }
}
