package cn.gov.qinghai.dibao;

import cn.gov.qinghai.dibao.v1.CrossMatchReport;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.GetCrossMatchReportRequest;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.testing.RunningService;
import com.google.protobuf.ByteString;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

/**
 * Measures the cross-match at 1,000,000 × 1,000,000 (三(一)): 1M dibao members (250k approved households of 4,
 * loaded with COPY) against a 1M-row registry CSV streamed through the real ImportPovertyRoster RPC, half of them
 * overlapping. Run with {@code -Dbenchmark=true}; prints numbers, asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CrossMatchBenchmark {

    static final int N = Integer.getInteger("bench.rows", 1_000_000);
    static final String COUNTY = "630102";

    /** The i-th distinct valid identity number. */
    static String id(int i) {
        String first17 = COUNTY
                + LocalDate.of(1940, 1, 1).plusDays(i % 25_000).toString().replace("-", "")
                + String.format("%03d", (i / 25_000) % 1000);
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Test
    void oneMillionByOneMillion() throws Exception {
        try (RunningService service = RunningService.start("dibao_bench", Map.of())) {
            var db = service.database();
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                    Statement st = c.createStatement()) {
                st.execute(
                        "INSERT INTO dibao_case (request_id, payload_hash, county, township, head_id_number, head_name, "
                                + "household_size, household, status, version, submitted_at, approved_at, classification, "
                                + "first_paid_month) SELECT 'bench-' || g, repeat('0', 64), '" + COUNTY + "', 'bench', "
                                + "lpad(g::text, 18, '0'), 'bench', 4, '{}'::jsonb, 'APPROVED', 4, now(), now(), 'C', "
                                + "date_trunc('month', now())::date FROM generate_series(1, " + (N / 4) + ") g");
                StringBuilder members = new StringBuilder(N * 30);
                for (int i = 0; i < N; i++) {
                    members.append(i / 4 + 1)
                            .append(',')
                            .append(i % 4)
                            .append(',')
                            .append(id(i))
                            .append('\n');
                }
                try (Reader r = new StringReader(members.toString())) {
                    c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn("COPY case_member (case_id, idx, id_number) FROM STDIN WITH (FORMAT csv)", r);
                }
                st.execute("ANALYZE");
            }
            System.out.printf("bench: dibao side %,d members loaded in %.1f s%n", N, (System.nanoTime() - t0) / 1e9);

            long t1 = System.nanoTime();
            PovertyRosterImport imported = upload(service, N / 2, N / 2 + N);
            double importSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf(
                    "bench: registry import %,d rows (%,d accepted, %,d rejected) in %.1f s = %,.0f rows/s%n",
                    imported.getLines(),
                    imported.getAccepted(),
                    imported.getRejected(),
                    importSeconds,
                    imported.getLines() / importSeconds);

            var stub = DibaoServiceGrpc.newBlockingStub(service.channel())
                    .withCallCredentials(RunningService.as("bench", "630000", "dibao:poverty-office"));
            List<Double> times = new ArrayList<>();
            CrossMatchReport report = null;
            for (int run = 0; run < 5; run++) {
                long t = System.nanoTime();
                report = stub.withDeadlineAfter(10, TimeUnit.MINUTES)
                        .getCrossMatchReport(GetCrossMatchReportRequest.newBuilder()
                                .setRegion("630000")
                                .build());
                times.add((System.nanoTime() - t) / 1e9);
            }
            Collections.sort(times);
            System.out.printf(
                    "bench: match report %,d x %,d: in both %,d, dibao only %,d, registry only %,d; "
                            + "5 runs min %.2f s, median %.2f s, max %.2f s%n",
                    N,
                    N,
                    report.getInBoth(),
                    report.getDibaoOnly(),
                    report.getRegistryOnly(),
                    times.get(0),
                    times.get(2),
                    times.get(4));
        }
    }

    /** Streams registry rows for ids [from, to) as CSV in 64 KiB chunks, respecting gRPC flow control. */
    static PovertyRosterImport upload(RunningService service, int from, int to) throws Exception {
        CompletableFuture<PovertyRosterImport> result = new CompletableFuture<>();
        DibaoServiceGrpc.newStub(service.channel())
                .withCallCredentials(RunningService.as("bench", "630000", "dibao:poverty-office"))
                .importPovertyRoster(new ClientResponseObserver<PovertyRosterChunk, PovertyRosterImport>() {
                    int next = from;
                    boolean header = true;

                    @Override
                    public void beforeStart(ClientCallStreamObserver<PovertyRosterChunk> requests) {
                        requests.setOnReadyHandler(() -> {
                            while (requests.isReady() && next < to) {
                                StringBuilder chunk = new StringBuilder(70_000);
                                if (header) {
                                    chunk.append("id_number,name,county\n");
                                    header = false;
                                }
                                while (chunk.length() < 65_536 && next < to) {
                                    chunk.append(id(next))
                                            .append(",户主")
                                            .append(next % 1000)
                                            .append(',')
                                            .append(COUNTY)
                                            .append('\n');
                                    next++;
                                }
                                requests.onNext(PovertyRosterChunk.newBuilder()
                                        .setData(ByteString.copyFrom(chunk.toString(), StandardCharsets.UTF_8))
                                        .build());
                            }
                            if (next >= to && !done) {
                                done = true;
                                requests.onCompleted();
                            }
                        });
                    }

                    boolean done;

                    @Override
                    public void onNext(PovertyRosterImport value) {
                        result.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        result.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {}
                });
        return result.get(30, TimeUnit.MINUTES);
    }
}
