package cn.gov.qinghai.wage.grpc;

import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.wage.service.ComplianceService;
import cn.gov.qinghai.wage.v1.StreamComplianceRequest;
import cn.gov.qinghai.wage.v1.StreamComplianceResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * One StreamCompliance call with manual flow control (grpc-java's ManualFlowControlServer pattern): the service
 * asks the client for records only while the client keeps up reading results, so at most {@link #WINDOW} records
 * are in flight and memory stays flat however long the payroll is. Records are requested in batches of half the
 * window, which costs far less than one request per record.
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
            out.onNext(StreamComplianceResponse.newBuilder()
                    .setResult(checker.checkStreamed(index++, message.getRecord())).build());
        }
        owed++;
        if (owed >= WINDOW / 2 && out.isReady()) {
            out.request(owed);
            owed = 0;
        }
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
        out.onNext(StreamComplianceResponse.newBuilder().setSummary(checker.summary()).build());
        out.onCompleted();
    }
}
