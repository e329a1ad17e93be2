package cn.gov.qinghai.gateway.retail;

import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.Reading;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one HTTP body of readings to the service's client-streaming StreamReadings RPC in chunks, so the service
 * writes them as it receives them (the same path devices use directly over gRPC).
 */
final class ReadingsUpload {

    static final int CHUNK = 1000;

    private ReadingsUpload() {
    }

    static IngestSummary send(RetailServiceGrpc.RetailServiceStub stub, String shipmentCode, List<Reading> readings,
                              long deadlineMs) {
        CompletableFuture<IngestSummary> result = new CompletableFuture<>();
        StreamObserver<StreamReadingsRequest> in = stub.withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS)
                .streamReadings(new StreamObserver<>() {
                    @Override
                    public void onNext(IngestSummary value) {
                        result.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        result.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        result.completeExceptionally(Status.INTERNAL.withDescription("no summary").asRuntimeException());
                    }
                });
        for (int i = 0; i < readings.size(); i += CHUNK) {
            in.onNext(StreamReadingsRequest.newBuilder().setShipmentCode(shipmentCode)
                    .addAllReadings(readings.subList(i, Math.min(readings.size(), i + CHUNK))).build());
        }
        if (readings.isEmpty()) {
            in.onNext(StreamReadingsRequest.newBuilder().setShipmentCode(shipmentCode).build());
        }
        in.onCompleted();
        try {
            return result.get(deadlineMs + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw new DownstreamException("retail", s);
            }
            throw new DownstreamException("retail", Status.INTERNAL.withCause(e.getCause()).asRuntimeException());
        } catch (TimeoutException e) {
            throw new DownstreamException("retail", Status.DEADLINE_EXCEEDED.asRuntimeException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamException("retail", Status.CANCELLED.asRuntimeException());
        }
    }
}
