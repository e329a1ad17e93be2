package cn.gov.qinghai.retail.grpc;

import cn.gov.qinghai.retail.service.ReadingIngest;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import io.grpc.stub.StreamObserver;

/**
 * One StreamReadings call. gRPC asks the client for the next chunk only after {@link #onNext} returns, and
 * {@link ReadingIngest} writes every few thousand readings, so a slow database slows the client down instead of
 * filling memory.
 */
final class ReadingsStream implements StreamObserver<StreamReadingsRequest> {

    private final ReadingIngest ingest;
    private final StreamObserver<IngestSummary> out;

    ReadingsStream(ReadingIngest ingest, StreamObserver<IngestSummary> out) {
        this.ingest = ingest;
        this.out = out;
    }

    @Override
    public void onNext(StreamReadingsRequest chunk) {
        ingest.accept(chunk);
    }

    @Override
    public void onError(Throwable t) {
        // Client cancelled: chunks already written stay (each is complete and idempotent to re-send).
    }

    @Override
    public void onCompleted() {
        out.onNext(ingest.finish());
        out.onCompleted();
    }
}
