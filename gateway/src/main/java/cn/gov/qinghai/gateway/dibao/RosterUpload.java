package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.gateway.api.DownstreamException;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends an uploaded registry CSV to the service's client-streaming ImportPovertyRoster RPC in 1 MiB chunks; the
 * service validates each line and COPYs good rows as chunks arrive. The HTTP body is bounded by the gateway's
 * request-size limit; bigger rosters go straight to the gRPC stream.
 */
final class RosterUpload {

    static final int CHUNK = 1 << 20;

    private RosterUpload() {
    }

    static PovertyRosterImport send(DibaoServiceGrpc.DibaoServiceStub stub, byte[] csv, long deadlineMs) {
        CompletableFuture<PovertyRosterImport> result = new CompletableFuture<>();
        StreamObserver<PovertyRosterChunk> in = stub.withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS)
                .importPovertyRoster(new StreamObserver<>() {
                    @Override
                    public void onNext(PovertyRosterImport value) {
                        result.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        result.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        result.completeExceptionally(Status.INTERNAL.withDescription("no import summary")
                                .asRuntimeException());
                    }
                });
        for (int i = 0; i < csv.length; i += CHUNK) {
            in.onNext(PovertyRosterChunk.newBuilder()
                    .setData(ByteString.copyFrom(csv, i, Math.min(CHUNK, csv.length - i))).build());
        }
        in.onCompleted();
        try {
            return result.get(deadlineMs + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw new DownstreamException("dibao", s);
            }
            throw new DownstreamException("dibao", Status.INTERNAL.withCause(e.getCause()).asRuntimeException());
        } catch (TimeoutException e) {
            throw new DownstreamException("dibao", Status.DEADLINE_EXCEEDED.asRuntimeException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamException("dibao", Status.CANCELLED.asRuntimeException());
        }
    }
}
