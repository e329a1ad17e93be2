package cn.gov.qinghai.retail;

import static cn.gov.qinghai.retail.RetailTestSupport.carrier;
import static cn.gov.qinghai.retail.RetailTestSupport.newCreditCode;
import static cn.gov.qinghai.retail.RetailTestSupport.officer;
import static cn.gov.qinghai.retail.RetailTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.testing.ClientStreams;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.retail.v1.AcknowledgeAlertRequest;
import cn.gov.qinghai.retail.v1.Excursion;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.ListExcursionsRequest;
import cn.gov.qinghai.retail.v1.ListOpenAlertsRequest;
import cn.gov.qinghai.retail.v1.Reading;
import cn.gov.qinghai.retail.v1.RegisterShipmentRequest;
import cn.gov.qinghai.retail.v1.RejectedReading;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.Shipment;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cold chain: streamed readings, rejection by index, excursions, carriers' alerts. */
class ColdChainTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = RetailTestSupport.SERVICE;

    /** Streams {@code chunks} as one client stream acting for {@code carrierCode}; returns the summary. */
    static IngestSummary stream(String carrierCode, List<StreamReadingsRequest> chunks) throws Exception {
        CompletableFuture<IngestSummary> result = new CompletableFuture<>();
        StreamObserver<StreamReadingsRequest> in = RetailServiceGrpc.newStub(
                        SERVICE.service().channel())
                .withCallCredentials(RetailTestSupport.as(carrierCode, "retail:carrier"))
                .streamReadings(ClientStreams.into(result));
        chunks.forEach(in::onNext);
        in.onCompleted();
        return result.get(60, TimeUnit.SECONDS);
    }

    static Shipment frozenShipment(String carrierCode) {
        return carrier(carrierCode)
                .registerShipment(RegisterShipmentRequest.newBuilder()
                        .setShipmentCode(unique("SHP"))
                        .setProductClass("frozen")
                        .build());
    }

    @Test
    void fortyMinutesAboveTheFrozenLimitGiveExactlyOneExcursionAndBadReadingsAreRejectedByIndex() throws Exception {
        String carrierCode = newCreditCode("630105");
        Shipment s = frozenShipment(carrierCode);
        assertEquals("-18", s.getMaxCelsius());
        assertEquals("", s.getMinCelsius());
        Instant t0 = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
        // one reading a minute for 3 hours; minutes 60..99 (40 minutes) above −18 °C peaking at −11.4 at minute 75
        List<Reading> readings = new ArrayList<>();
        for (int m = 0; m < 180; m++) {
            String c = m >= 60 && m < 100 ? (m == 75 ? "-11.4" : "-15.2") : "-21.5";
            readings.add(Reading.newBuilder()
                    .setRecordedAt(t0.plus(Duration.ofMinutes(m)).toString())
                    .setCelsius(c)
                    .build());
        }
        readings.add(
                7,
                Reading.newBuilder()
                        .setRecordedAt(Instant.now().plus(Duration.ofDays(1)).toString())
                        .setCelsius("-20")
                        .build());
        readings.add(
                150,
                Reading.newBuilder()
                        .setRecordedAt(t0.plusSeconds(30).toString())
                        .setCelsius("abc")
                        .build());
        List<StreamReadingsRequest> chunks = new ArrayList<>();
        for (int i = 0; i < readings.size(); i += 50) {
            chunks.add(StreamReadingsRequest.newBuilder()
                    .setShipmentCode(s.getShipmentCode())
                    .addAllReadings(readings.subList(i, Math.min(readings.size(), i + 50)))
                    .build());
        }
        IngestSummary summary = stream(carrierCode, chunks);
        assertEquals(182, summary.getReceived());
        assertEquals(180, summary.getAccepted());
        assertEquals(2, summary.getRejected());
        assertEquals(
                List.of("7:readings[7].recordedAt", "150:readings[150].celsius"),
                summary.getRejectionsList().stream()
                        .map(r -> r.getIndex() + ":" + r.getField())
                        .toList());
        assertEquals(1, summary.getExcursionsCount());
        Excursion e = summary.getExcursions(0);
        assertEquals(2400, e.getDurationSeconds());
        assertEquals("-11.4", e.getPeakCelsius());
        assertEquals("ABOVE_MAX", e.getDirection());
        assertEquals(t0.plus(Duration.ofMinutes(60)).toString(), e.getStartedAt());
        assertFalse(e.getOngoing());

        // re-sending the same stream stores nothing new and still finds one excursion
        IngestSummary again = stream(carrierCode, chunks);
        assertEquals(0, again.getAccepted());
        assertEquals(180, again.getDuplicates());
        assertEquals(
                List.of(e.getId()),
                again.getExcursionsList().stream().map(Excursion::getId).toList());
    }

    @Test
    void openAlertsPerCarrierUntilAcknowledged() throws Exception {
        String carrierCode = newCreditCode("630105");
        Shipment s = frozenShipment(carrierCode);
        Instant t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        StreamReadingsRequest.Builder chunk = StreamReadingsRequest.newBuilder().setShipmentCode(s.getShipmentCode());
        String[] values = {"-20", "-10", "-20", "-19", "-5"};
        for (int i = 0; i < values.length; i++) {
            chunk.addReadings(Reading.newBuilder()
                    .setRecordedAt(t0.plus(Duration.ofMinutes(10L * i)).toString())
                    .setCelsius(values[i]));
        }
        IngestSummary summary = stream(carrierCode, List.of(chunk.build()));
        assertEquals(2, summary.getExcursionsCount());
        assertTrue(summary.getExcursions(1).getOngoing());

        var alerts = carrier(carrierCode)
                .listOpenAlerts(ListOpenAlertsRequest.newBuilder()
                        .setCarrier(carrierCode)
                        .build());
        assertEquals(2, alerts.getTotalSize());
        assertEquals(
                2,
                officer("630000")
                        .listOpenAlerts(ListOpenAlertsRequest.newBuilder()
                                .setCarrier(carrierCode)
                                .build())
                        .getAlertsCount());
        assertEquals(
                "ORGANISATION_MISMATCH",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> carrier(newCreditCode("630105"))
                                        .listOpenAlerts(ListOpenAlertsRequest.newBuilder()
                                                .setCarrier(carrierCode)
                                                .build())))
                        .reason());

        Excursion closed = summary.getExcursions(0);
        Excursion ongoing = summary.getExcursions(1);
        assertEquals(
                "EXCURSION_ONGOING",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> carrier(carrierCode)
                                        .acknowledgeAlert(AcknowledgeAlertRequest.newBuilder()
                                                .setExcursionId(ongoing.getId())
                                                .setNote("n")
                                                .build())))
                        .reason());
        // Only a carrier may acknowledge, and others cannot probe which excursion ids exist: same 403 either way.
        for (long id : new long[] {closed.getId(), 999_999_999L}) {
            StatusRuntimeException denied = assertThrows(
                    StatusRuntimeException.class,
                    () -> officer("630000")
                            .acknowledgeAlert(AcknowledgeAlertRequest.newBuilder()
                                    .setExcursionId(id)
                                    .setNote("n")
                                    .build()));
            assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
            assertEquals("ROLE_REQUIRED", GrpcErrorDetails.of(denied).reason());
        }
        Excursion acked = carrier(carrierCode)
                .acknowledgeAlert(AcknowledgeAlertRequest.newBuilder()
                        .setExcursionId(closed.getId())
                        .setNote("车门未关严，已复冷")
                        .build());
        assertFalse(acked.getAcknowledgedAt().isEmpty());
        assertEquals(
                List.of(ongoing.getId()),
                carrier(carrierCode)
                        .listOpenAlerts(ListOpenAlertsRequest.newBuilder()
                                .setCarrier(carrierCode)
                                .build())
                        .getAlertsList()
                        .stream()
                        .map(Excursion::getId)
                        .toList());
        assertEquals(
                2,
                carrier(carrierCode)
                        .listExcursions(ListExcursionsRequest.newBuilder()
                                .setShipmentCode(s.getShipmentCode())
                                .build())
                        .getExcursionsCount());
    }

    @Test
    void unknownShipmentReadingsAreRejectedAndOthersKept() throws Exception {
        String carrierCode = newCreditCode("630105");
        Shipment s = frozenShipment(carrierCode);
        Instant t = Instant.now().minus(Duration.ofHours(1));
        IngestSummary summary = stream(
                carrierCode,
                List.of(
                        StreamReadingsRequest.newBuilder()
                                .setShipmentCode("NOPE-0000")
                                .addReadings(Reading.newBuilder()
                                        .setRecordedAt(t.toString())
                                        .setCelsius("-20"))
                                .build(),
                        StreamReadingsRequest.newBuilder()
                                .setShipmentCode(s.getShipmentCode())
                                .addReadings(Reading.newBuilder()
                                        .setRecordedAt(t.toString())
                                        .setCelsius("-20"))
                                .addReadings(Reading.newBuilder()
                                        .setRecordedAt("yesterday")
                                        .setCelsius("-20"))
                                .addReadings(Reading.newBuilder()
                                        .setRecordedAt(t.plusSeconds(60).toString())
                                        .setCelsius("-999"))
                                .build()));
        assertEquals(1, summary.getAccepted());
        assertEquals(
                List.of("readings[0].shipmentCode", "readings[2].recordedAt", "readings[3].celsius"),
                summary.getRejectionsList().stream()
                        .map(RejectedReading::getField)
                        .toList());
    }

    @Test
    void shipmentsNeedAKnownClassAndACarrier() {
        String carrierCode = newCreditCode("630105");
        GrpcErrorDetails bad = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> carrier(carrierCode)
                        .registerShipment(RegisterShipmentRequest.newBuilder()
                                .setShipmentCode("x")
                                .setProductClass("lukewarm")
                                .build())));
        assertEquals(List.of("shipmentCode", "productClass"), bad.fields());
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> RetailTestSupport.anonymous()
                                        .withCallCredentials(
                                                RunningService.as("o", "630000", "retail:commerce-officer"))
                                        .registerShipment(RegisterShipmentRequest.newBuilder()
                                                .setShipmentCode("SHP-1")
                                                .setProductClass("frozen")
                                                .build()))
                        .getStatus()
                        .getCode());
        Shipment s = frozenShipment(carrierCode);
        assertEquals(
                "SHIPMENT_EXISTS",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> carrier(carrierCode)
                                        .registerShipment(RegisterShipmentRequest.newBuilder()
                                                .setShipmentCode(s.getShipmentCode())
                                                .setProductClass("chilled")
                                                .build())))
                        .reason());
    }
}
