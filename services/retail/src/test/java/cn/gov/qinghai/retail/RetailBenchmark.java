package cn.gov.qinghai.retail;

import cn.gov.qinghai.kit.testing.ClientStreams;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.TestDatabases;
import cn.gov.qinghai.retail.service.TraceSigner;
import cn.gov.qinghai.retail.v1.GetRecallReachRequest;
import cn.gov.qinghai.retail.v1.GetTraceRequest;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.Reading;
import cn.gov.qinghai.retail.v1.RegisterShipmentRequest;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import io.grpc.stub.StreamObserver;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

/**
 * Measurements, not assertions (excluded from the default run): readings ingested per second over one client
 * stream, and public trace look-up latency with a million trace events stored. Prints throughput and
 * p50/p95/p99. Run: {@code ./mvnw -pl services/retail -am install -Dbenchmark=true
 * -Dtest=RetailBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx1g}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RetailBenchmark {

    private static final String KEY = "benchmark-trace-signing-key-0123456789abcdef";

    @Test
    void readingsIngestedPerSecond() throws Exception {
        try (RunningService service =
                RunningService.start("retail_bench_ingest", Map.of("retail.trace.signing-master-key", KEY))) {
            String carrier = RetailTestSupport.newCreditCode("630105");
            var stub = RetailServiceGrpc.newBlockingStub(service.channel())
                    .withCallCredentials(RetailTestSupport.as(carrier, "retail:carrier"));
            for (int round = 0; round < 2; round++) {
                int shipments = 10;
                int perShipment = 20_000;
                List<String> codes = new ArrayList<>();
                for (int s = 0; s < shipments; s++) {
                    codes.add(stub.registerShipment(RegisterShipmentRequest.newBuilder()
                                    .setShipmentCode("BENCH-" + round + "-" + s)
                                    .setProductClass("frozen")
                                    .build())
                            .getShipmentCode());
                }
                Instant t0 = Instant.now().minus(Duration.ofDays(30));
                long start = System.nanoTime();
                CompletableFuture<IngestSummary> done = new CompletableFuture<>();
                StreamObserver<StreamReadingsRequest> in = RetailServiceGrpc.newStub(service.channel())
                        .withCallCredentials(RetailTestSupport.as(carrier, "retail:carrier"))
                        .streamReadings(ClientStreams.into(done));
                for (String code : codes) {
                    for (int i = 0; i < perShipment; i += 500) {
                        StreamReadingsRequest.Builder chunk =
                                StreamReadingsRequest.newBuilder().setShipmentCode(code);
                        for (int k = i; k < i + 500; k++) {
                            // an excursion every 5,000 readings lasting 10 readings
                            String c = k % 5000 < 10 ? "-12.5" : "-20.3";
                            chunk.addReadings(Reading.newBuilder()
                                    .setRecordedAt(t0.plusSeconds(30L * k).toString())
                                    .setCelsius(c));
                        }
                        in.onNext(chunk.build());
                    }
                }
                in.onCompleted();
                IngestSummary summary = done.get(10, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "BENCH ingest round %d: %d readings (%d shipments) in %.2f s = %.0f readings/s, "
                                + "%d excursions re-detected%n",
                        round,
                        summary.getAccepted(),
                        shipments,
                        seconds,
                        summary.getAccepted() / seconds,
                        summary.getExcursionsCount());
            }
        }
    }

    @Test
    void traceLookupLatencyWithAMillionEvents() throws Exception {
        try (RunningService service =
                RunningService.start("retail_bench_trace", Map.of("retail.trace.signing-master-key", KEY))) {
            int batches = 100_000;
            int eventsPerBatch = 10;
            long seedStart = System.nanoTime();
            seed(service.database(), batches, eventsPerBatch);
            System.out.printf(
                    "BENCH seeded %d events (%d batches) with real signatures in %.1f s%n",
                    (long) batches * eventsPerBatch, batches, (System.nanoTime() - seedStart) / 1e9);
            var stub = RetailServiceGrpc.newBlockingStub(service.channel());
            Random random = new Random(42);
            for (int i = 0; i < 500; i++) {
                stub.getTrace(GetTraceRequest.newBuilder()
                        .setBatchCode(code(random.nextInt(batches)))
                        .build());
            }
            for (int threads : new int[] {1, 4}) {
                int perThread = 2000;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long start = System.nanoTime();
                List<Future<long[]>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int seed = t;
                    futures.add(pool.submit(() -> {
                        Random r = new Random(seed);
                        long[] nanos = new long[perThread];
                        for (int i = 0; i < perThread; i++) {
                            long t1 = System.nanoTime();
                            var trace = stub.getTrace(GetTraceRequest.newBuilder()
                                    .setBatchCode(code(r.nextInt(batches)))
                                    .build());
                            nanos[i] = System.nanoTime() - t1;
                            if (trace.getEventsCount() != eventsPerBatch || !trace.getChainVerified()) {
                                throw new IllegalStateException("bad trace " + trace.getBatchCode());
                            }
                        }
                        return nanos;
                    }));
                }
                long[] all = new long[0];
                for (Future<long[]> f : futures) {
                    long[] part = f.get();
                    long[] merged = Arrays.copyOf(all, all.length + part.length);
                    System.arraycopy(part, 0, merged, all.length, part.length);
                    all = merged;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                Arrays.sort(all);
                System.out.printf(
                        "BENCH GetTrace (%d events per batch, chain verified) with %d client thread(s): "
                                + "%d look-ups, %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                        eventsPerBatch,
                        threads,
                        all.length,
                        all.length / seconds,
                        pct(all, 50),
                        pct(all, 95),
                        pct(all, 99));
            }
            var officer = stub.withCallCredentials(RunningService.as("o", "630000", "retail:commerce-officer"));
            long[] reach = new long[100];
            for (int i = 0; i < reach.length; i++) {
                long t1 = System.nanoTime();
                officer.getRecallReach(GetRecallReachRequest.newBuilder()
                        .setBatchCode(code(random.nextInt(batches)))
                        .build());
                reach[i] = System.nanoTime() - t1;
            }
            Arrays.sort(reach);
            System.out.printf(
                    "BENCH GetRecallReach (recursive SQL) over 1M events: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                    pct(reach, 50), pct(reach, 95), pct(reach, 99));
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static String code(int i) {
        return String.format("BATCH-%07d", i);
    }

    /**
     * Writes {@code batches} chains of {@code perBatch} events directly with COPY, signed exactly as the service signs
     * (same TraceSigner, same key), so look-ups verify every link: producer → 4 hops of SHIPPED/RECEIVED → SOLD.
     */
    private static void seed(TestDatabases.Database db, int batches, int perBatch) throws Exception {
        TraceSigner signer = new TraceSigner(KEY);
        String[] parties = new String[6];
        for (int p = 0; p < parties.length; p++) {
            parties[p] = RetailTestSupport.newCreditCode("63010" + p);
        }
        Instant at = Instant.parse("2017-07-01T00:00:00Z");
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 5000;
            for (int from = 0; from < batches; from += chunk) {
                StringBuilder batchRows = new StringBuilder();
                StringBuilder eventRows = new StringBuilder();
                for (int b = from; b < Math.min(batches, from + chunk); b++) {
                    String code = code(b);
                    String previous = "";
                    int holder = 0;
                    for (int seq = 1; seq <= perBatch; seq++) {
                        String type;
                        String actor;
                        String counterparty = "";
                        if (seq == 1) {
                            type = "PRODUCED";
                            actor = parties[0];
                        } else if (seq == perBatch) {
                            type = "SOLD";
                            actor = parties[holder];
                        } else if (seq % 2 == 0) {
                            type = "SHIPPED";
                            actor = parties[holder];
                            counterparty = parties[holder + 1];
                        } else {
                            type = "RECEIVED";
                            actor = parties[holder + 1];
                            counterparty = parties[holder];
                            holder++;
                        }
                        String when = at.plusSeconds(60L * seq).toString();
                        TraceSigner.Content content = new TraceSigner.Content(
                                code,
                                seq,
                                type,
                                when,
                                actor,
                                counterparty,
                                0,
                                seq == 1 ? "牦牛肉" : "",
                                seq == 1 ? "100 kg" : "",
                                "");
                        String hash = signer.hash(previous, content);
                        eventRows
                                .append(code)
                                .append('\t')
                                .append(seq)
                                .append('\t')
                                .append(code)
                                .append('-')
                                .append(seq)
                                .append('\t')
                                .append(type)
                                .append('\t')
                                .append(when)
                                .append('\t')
                                .append(actor)
                                .append('\t')
                                .append(counterparty.isEmpty() ? "\\N" : counterparty)
                                .append("\t\\N\t")
                                .append(content.product())
                                .append('\t')
                                .append(content.quantity())
                                .append("\t\\N\t")
                                .append(hash)
                                .append('\t')
                                .append(previous)
                                .append('\t')
                                .append(signer.sign(actor, hash))
                                .append('\t')
                                .append(TraceSigner.KEY_ID)
                                .append('\t')
                                .append(when)
                                .append('\n');
                        previous = hash;
                    }
                    batchRows
                            .append(code)
                            .append("\t牦牛肉\t100 kg\t\\N\t")
                            .append(parties[0])
                            .append('\t')
                            .append(perBatch)
                            .append('\t')
                            .append(previous)
                            .append('\n');
                }
                copy.copyIn(
                        "COPY batch (batch_code, product, quantity, parent_batch_code, producer, last_sequence, last_hash) "
                                + "FROM STDIN",
                        new StringReader(batchRows.toString()));
                copy.copyIn(
                        "COPY trace_event (batch_code, sequence, request_id, type, occurred_at, actor, counterparty, "
                                + "outlet_id, product, quantity, parent_batch_code, hash, previous_hash, signature, key_id, "
                                + "recorded_at) FROM STDIN",
                        new StringReader(eventRows.toString()));
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("VACUUM ANALYZE trace_event");
                st.execute("VACUUM ANALYZE batch");
            }
        }
    }
}
