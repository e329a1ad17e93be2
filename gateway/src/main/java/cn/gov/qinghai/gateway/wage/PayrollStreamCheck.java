package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.kit.csv.CsvReader;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.ComplianceSummary;
import cn.gov.qinghai.wage.v1.PayrollRecordBatch;
import cn.gov.qinghai.wage.v1.StreamComplianceRequest;
import cn.gov.qinghai.wage.v1.StreamComplianceResponse;
import cn.gov.qinghai.wage.v1.StreamOptions;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks an uploaded payroll CSV of any size through the wage service's {@code StreamCompliance}: rows are read
 * from the upload in batches of {@value #BATCH} and sent only while the stream is ready (outbound flow control),
 * each batch's results arrive together and are handed to the caller's sink before more are requested (inbound flow
 * control). Memory stays flat however large the file; the whole run has one deadline.
 */
@Singleton
class PayrollStreamCheck {

    /** Records per stream message: large enough that per-message costs vanish, small enough to stay flat. */
    static final int BATCH = 500;

    /** Receives each result in order; the line is the record's row in the file (header = 1). */
    interface Sink {
        void result(long line, ComplianceResult result) throws IOException;
    }

    /** The upload is not a payroll CSV: empty, or its header has unknown or misses required columns. */
    static final class BadCsv extends Exception {
        final List<String> missing;
        final List<String> unknown;

        BadCsv(String message, List<String> missing, List<String> unknown) {
            super(message);
            this.missing = missing;
            this.unknown = unknown;
        }
    }

    private final WageServiceGrpc.WageServiceStub wage;
    private final Downstream downstream;
    private final long deadlineMillis;

    PayrollStreamCheck(
            WageServiceGrpc.WageServiceStub wage,
            Downstream downstream,
            @Value("${qinghai.gateway.stream-deadline:10m}") Duration deadline) {
        this.wage = wage;
        this.downstream = downstream;
        this.deadlineMillis = deadline.toMillis();
    }

    ComplianceSummary run(HttpRequest<?> request, InputStream upload, boolean explanations, Sink sink)
            throws IOException, BadCsv {
        // UTF-8 (with or without its mark) or GB18030/GBK, as Excel saves it (kit CsvEncoding decides)
        CsvReader csv = CsvReader.open(upload);
        List<String> header = csv.next();
        if (header == null) {
            throw new BadCsv("empty file", List.of(), List.of());
        }
        PayrollCsv format;
        try {
            format = PayrollCsv.fromHeader(header);
        } catch (PayrollCsv.BadHeader e) {
            throw new BadCsv(e.getMessage(), e.missing, e.unknown);
        }
        Call call = new Call(sink);
        WageServiceGrpc.WageServiceStub stub =
                downstream.prepare(request, wage).withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS);
        stub.streamCompliance(call);
        try {
            call.send(StreamComplianceRequest.newBuilder()
                    .setOptions(StreamOptions.newBuilder().setIncludeExplanations(explanations))
                    .build());
            PayrollRecordBatch.Builder batch = PayrollRecordBatch.newBuilder();
            boolean open = true;
            for (List<String> row = csv.next(); row != null && open; row = csv.next()) {
                batch.addRecords(format.record(row));
                if (batch.getRecordsCount() == BATCH) {
                    open = call.send(StreamComplianceRequest.newBuilder()
                            .setRecords(batch)
                            .build());
                    batch.clear();
                }
            }
            if (open && batch.getRecordsCount() > 0) {
                open = call.send(
                        StreamComplianceRequest.newBuilder().setRecords(batch).build());
            }
            // when !open the call already failed; its error is reported by awaitSummary
            if (open && !call.done.isDone()) {
                call.requests.onCompleted();
            }
        } catch (IOException | RuntimeException e) {
            call.requests.cancel("upload failed", e);
            throw e;
        }
        return call.awaitSummary(deadlineMillis);
    }

    /** One StreamCompliance call: sends while ready, forwards results to the sink, keeps the summary. */
    private static final class Call
            implements ClientResponseObserver<StreamComplianceRequest, StreamComplianceResponse> {
        private final Sink sink;
        private final Object ready = new Object();
        private final CompletableFuture<ComplianceSummary> done = new CompletableFuture<>();
        private ClientCallStreamObserver<StreamComplianceRequest> requests;
        private volatile ComplianceSummary summary;

        Call(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<StreamComplianceRequest> requests) {
            this.requests = requests;
            requests.setOnReadyHandler(() -> {
                synchronized (ready) {
                    ready.notifyAll();
                }
            });
        }

        /** Sends when the stream is ready; false when the call has already ended. */
        boolean send(StreamComplianceRequest message) throws IOException {
            synchronized (ready) {
                while (!requests.isReady()) {
                    if (done.isDone()) {
                        break; // the call ended (failed): stop reading the upload, the error is reported below
                    }
                    try {
                        ready.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
            }
            if (done.isDone()) {
                return false;
            }
            requests.onNext(message);
            return true;
        }

        private long received;

        @Override
        public void onNext(StreamComplianceResponse response) {
            if (response.hasSummary()) {
                summary = response.getSummary();
                return;
            }
            List<ComplianceResult> results =
                    response.hasResults() ? response.getResults().getResultsList() : List.of(response.getResult());
            try {
                for (ComplianceResult result : results) {
                    received++;
                    sink.result(result.getIndex() + 2, result);
                }
            } catch (IOException e) {
                requests.cancel("cannot write the results", e);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
            synchronized (ready) {
                ready.notifyAll();
            }
        }

        @Override
        public void onCompleted() {
            done.complete(summary);
        }

        ComplianceSummary awaitSummary(long timeoutMillis) throws IOException {
            try {
                ComplianceSummary s = done.get(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
                if (s == null) {
                    throw new IOException(
                            "the wage service ended the stream without a summary after " + received + " results");
                }
                return s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (TimeoutException e) {
                throw new DownstreamException("wage", Status.DEADLINE_EXCEEDED.asRuntimeException());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new DownstreamException(
                        "wage",
                        cause instanceof StatusRuntimeException sre
                                ? sre
                                : Status.fromThrowable(cause).asRuntimeException());
            }
        }
    }
}
