package cn.gov.qinghai.wage.grpc;

import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.wage.service.ComplianceService;
import cn.gov.qinghai.wage.v1.ComplianceResultBatch;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import cn.gov.qinghai.wage.v1.PayrollRecordBatch;
import cn.gov.qinghai.wage.v1.StreamComplianceRequest;
import cn.gov.qinghai.wage.v1.StreamComplianceResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * One StreamCompliance call with manual flow control (grpc-java's ManualFlowControlServer pattern): the service
 * asks the client for messages only while the client keeps up reading results, so at most {@link #WINDOW} messages
 * are in flight and memory stays flat however long the payroll is. Messages are requested in groups of half the
 * window, which costs far less than one request per message. A message carries one record, or a batch of up to
 * 1,000 answered by one batch of results: batches are how a large payroll is checked at hundreds of thousands of
 * records a second (docs/performance.md).
 */
final class ComplianceStream implements StreamObserver<StreamComplianceRequest> {

    static final int WINDOW = 64;

    private final ServerCallStreamObserver<StreamComplianceResponse> out;
    private final ComplianceService service;
    private ComplianceService.Checker checker;
    private long index;
    private int owed;
    private boolean started;

    ComplianceStream(ServerCallStreamObserver<StreamComplianceResponse> out, ComplianceService service) {
        this.out = out;
        this.service = service;
        out.disableAutoRequest();
        out.setOnReadyHandler(this::onReady);
    }

    private void onReady() {
        if (!started) {
            started = true;
            out.request(WINDOW);
        } else if (owed > 0 && out.isReady()) {
            out.request(owed);
            owed = 0;
        }
    }

    @Override
    public void onNext(StreamComplianceRequest message) {
        if (message.hasOptions()) {
            if (checker != null) {
                throw ServiceException.invalid("options", "must be the first message of the stream");
            }
            checker = service.newChecker(message.getOptions().getIncludeExplanations());
        } else {
            if (checker == null) {
                checker = service.newChecker(false);
            }
            out.onNext(
                    message.hasRecords()
                            ? checkBatch(message.getRecords())
                            : StreamComplianceResponse.newBuilder()
                                    .setResult(checker.checkStreamed(index++, message.getRecord()))
                                    .build());
        }
        owed++;
        if (owed >= WINDOW / 2 && out.isReady()) {
            out.request(owed);
            owed = 0;
        }
    }

    private StreamComplianceResponse checkBatch(PayrollRecordBatch batch) {
        int size = batch.getRecordsCount();
        if (size == 0 || size > ComplianceService.MAX_BATCH) {
            throw ServiceException.invalid(
                    "records.records",
                    "must contain 1 to " + ComplianceService.MAX_BATCH + " records (this batch has " + size + ")");
        }
        ComplianceResultBatch.Builder results = ComplianceResultBatch.newBuilder();
        for (PayrollRecord record : batch.getRecordsList()) {
            results.addResults(checker.checkStreamed(index++, record));
        }
        return StreamComplianceResponse.newBuilder().setResults(results).build();
    }

    @Override
    public void onError(Throwable t) {
        // The client cancelled or the transport failed: nothing was stored, nothing to undo.
    }

    @Override
    public void onCompleted() {
        if (checker == null) {
            checker = service.newChecker(false);
        }
        out.onNext(StreamComplianceResponse.newBuilder()
                .setSummary(checker.summary())
                .build());
        out.onCompleted();
    }
}
