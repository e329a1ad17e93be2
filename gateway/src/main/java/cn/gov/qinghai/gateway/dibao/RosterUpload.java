package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.gateway.api.ClientStreamCall;
import com.google.protobuf.ByteString;
import java.util.concurrent.TimeUnit;

/**
 * Sends an uploaded registry CSV to the service's client-streaming ImportPovertyRoster RPC in 1 MiB chunks; the
 * service validates each line and COPYs good rows as chunks arrive. The HTTP body is bounded by the gateway's
 * request-size limit; bigger rosters go straight to the gRPC stream.
 */
final class RosterUpload {

    static final int CHUNK = 1 << 20;

    private RosterUpload() {}

    static PovertyRosterImport send(DibaoServiceGrpc.DibaoServiceStub stub, byte[] csv, long deadlineMs) {
        return ClientStreamCall.<PovertyRosterChunk, PovertyRosterImport>call(
                "dibao",
                stub.withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS)::importPovertyRoster,
                in -> {
                    for (int i = 0; i < csv.length; i += CHUNK) {
                        in.onNext(PovertyRosterChunk.newBuilder()
                                .setData(ByteString.copyFrom(csv, i, Math.min(CHUNK, csv.length - i)))
                                .build());
                    }
                },
                deadlineMs + 1000);
    }
}
