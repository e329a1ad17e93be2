package cn.gov.qinghai.gateway.retail;

import cn.gov.qinghai.gateway.api.ClientStreamCall;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.Reading;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends one HTTP body of readings to the service's client-streaming StreamReadings RPC in chunks, so the service
 * writes them as it receives them (the same path devices use directly over gRPC).
 */
final class ReadingsUpload {

    static final int CHUNK = 1000;

    private ReadingsUpload() {}

    static IngestSummary send(
            RetailServiceGrpc.RetailServiceStub stub, String shipmentCode, List<Reading> readings, long deadlineMs) {
        return ClientStreamCall.<StreamReadingsRequest, IngestSummary>call(
                "retail",
                stub.withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS)::streamReadings,
                in -> {
                    for (int i = 0; i < readings.size(); i += CHUNK) {
                        in.onNext(StreamReadingsRequest.newBuilder()
                                .setShipmentCode(shipmentCode)
                                .addAllReadings(readings.subList(i, Math.min(readings.size(), i + CHUNK)))
                                .build());
                    }
                    if (readings.isEmpty()) {
                        in.onNext(StreamReadingsRequest.newBuilder()
                                .setShipmentCode(shipmentCode)
                                .build());
                    }
                },
                deadlineMs + 1000);
    }
}
