package cn.gov.qinghai.retail;

import static cn.gov.qinghai.retail.RetailTestSupport.anonymous;
import static cn.gov.qinghai.retail.RetailTestSupport.enterprise;
import static cn.gov.qinghai.retail.RetailTestSupport.newCreditCode;
import static cn.gov.qinghai.retail.RetailTestSupport.officer;
import static cn.gov.qinghai.retail.RetailTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.kit.testing.TestDatabases;
import cn.gov.qinghai.retail.v1.GetRecallReachRequest;
import cn.gov.qinghai.retail.v1.GetTraceRequest;
import cn.gov.qinghai.retail.v1.LicenceMode;
import cn.gov.qinghai.retail.v1.ReachedParty;
import cn.gov.qinghai.retail.v1.Recall;
import cn.gov.qinghai.retail.v1.RecallBatchRequest;
import cn.gov.qinghai.retail.v1.RecallReach;
import cn.gov.qinghai.retail.v1.RecordTraceEventRequest;
import cn.gov.qinghai.retail.v1.Trace;
import cn.gov.qinghai.retail.v1.TraceEvent;
import cn.gov.qinghai.retail.v1.TraceEventType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Traceability: signed, ordered chain; public look-up; recall reach over shipments and splits. */
class TraceTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = RetailTestSupport.SERVICE;

    private static int minute;

    static TraceEvent event(String actor, String batch, TraceEventType type, String counterparty, long outlet) {
        return event(
                actor,
                RecordTraceEventRequest.newBuilder()
                        .setBatchCode(batch)
                        .setType(type)
                        .setCounterparty(counterparty)
                        .setOutletId(outlet));
    }

    static TraceEvent event(String actor, RecordTraceEventRequest.Builder b) {
        return enterprise(actor)
                .recordTraceEvent(b.setRequestId(unique("ev"))
                        .setOccurredAt(OffsetDateTime.parse("2017-07-01T08:00:00+08:00")
                                .plusMinutes(++minute)
                                .toString())
                        .build());
    }

    static TraceEvent produce(String actor, String batch, String parent) {
        return event(
                actor,
                RecordTraceEventRequest.newBuilder()
                        .setBatchCode(batch)
                        .setType(TraceEventType.PRODUCED)
                        .setProduct("牦牛肉")
                        .setQuantity("1200 kg")
                        .setParentBatchCode(parent));
    }

    /** Producer → wholesaler → retailer outlet (sold), and a split batch wholesaler → second retailer outlet. */
    record Chain(
            String batch,
            String child,
            String producer,
            String wholesaler,
            String retailer,
            String retailer2,
            long outlet,
            long outlet2) {}

    static Chain chain() {
        String producer = newCreditCode("632200");
        String wholesaler = newCreditCode("630102");
        String retailer = newCreditCode("630103");
        String retailer2 = newCreditCode("632801");
        RegistryTest.register(retailer, "630103", true, "");
        RegistryTest.register(retailer2, "632801", false, "");
        long outlet = enterprise(retailer)
                .registerOutlet(RegistryTest.outlet(retailer, "630104", LicenceMode.HQ_LICENCE_FILING)
                        .build())
                .getId();
        long outlet2 = enterprise(retailer2)
                .registerOutlet(RegistryTest.outlet(retailer2, "632801", LicenceMode.OWN_LICENCE)
                        .setLicenceNumber("L")
                        .build())
                .getId();
        String batch = unique("YAK");
        String child = batch + "-A";
        produce(producer, batch, "");
        event(producer, batch, TraceEventType.SHIPPED, wholesaler, 0);
        event(wholesaler, batch, TraceEventType.RECEIVED, producer, 0);
        event(wholesaler, batch, TraceEventType.SHIPPED, retailer, 0);
        event(retailer, batch, TraceEventType.RECEIVED, wholesaler, outlet);
        event(retailer, batch, TraceEventType.SOLD, "", outlet);
        produce(wholesaler, child, batch);
        event(wholesaler, child, TraceEventType.SHIPPED, retailer2, 0);
        event(retailer2, child, TraceEventType.RECEIVED, wholesaler, outlet2);
        return new Chain(batch, child, producer, wholesaler, retailer, retailer2, outlet, outlet2);
    }

    @Test
    void publicTraceReturnsTheSignedChainInOrder() {
        Chain c = chain();
        Trace trace = anonymous()
                .getTrace(GetTraceRequest.newBuilder().setBatchCode(c.batch()).build());
        assertEquals(
                List.of(
                        TraceEventType.PRODUCED,
                        TraceEventType.SHIPPED,
                        TraceEventType.RECEIVED,
                        TraceEventType.SHIPPED,
                        TraceEventType.RECEIVED,
                        TraceEventType.SOLD),
                trace.getEventsList().stream().map(TraceEvent::getType).toList());
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6),
                trace.getEventsList().stream().map(TraceEvent::getSequence).toList());
        assertTrue(trace.getChainVerified());
        assertEquals("", trace.getEvents(0).getPreviousHash());
        assertEquals(trace.getEvents(0).getHash(), trace.getEvents(1).getPreviousHash());
        assertEquals(c.producer(), trace.getEvents(0).getActor());
        assertEquals(c.retailer(), trace.getEvents(5).getActor());
        assertEquals("牦牛肉", trace.getProduct());
        assertFalse(trace.getEvents(0).getSignature().isEmpty());
    }

    @Test
    void unknownBatchIsNotFound() {
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .getTrace(GetTraceRequest.newBuilder()
                                .setBatchCode("NO-SUCH-BATCH")
                                .build())));
        assertEquals(Status.Code.NOT_FOUND, e.code());
        assertEquals("BATCH_NOT_FOUND", e.reason());
    }

    @Test
    void eventsMustFollowTheGoods() {
        String producer = newCreditCode("632200");
        String stranger = newCreditCode("630102");
        String batch = unique("B");
        assertEquals(
                "BATCH_NOT_PRODUCED",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> event(producer, batch, TraceEventType.SHIPPED, stranger, 0)))
                        .reason());
        produce(producer, batch, "");
        assertEquals(
                "BATCH_ALREADY_PRODUCED",
                GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, () -> produce(producer, batch, "")))
                        .reason());
        assertEquals(
                "NOT_SHIPPED_TO_RECEIVER",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> event(stranger, batch, TraceEventType.RECEIVED, producer, 0)))
                        .reason());
        assertEquals(
                "NOT_HELD_BY_ACTOR",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class, () -> event(stranger, batch, TraceEventType.SOLD, "", 0)))
                        .reason());
        GrpcErrorDetails bad = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> enterprise(producer)
                        .recordTraceEvent(RecordTraceEventRequest.newBuilder()
                                .setRequestId("x")
                                .setBatchCode(batch)
                                .setType(TraceEventType.SHIPPED)
                                .setCounterparty("123")
                                .setOccurredAt("2999-01-01T00:00:00+08:00")
                                .build())));
        assertEquals(List.of("occurredAt", "counterparty"), bad.fields());
    }

    @Test
    void retryWithTheSameRequestIdReturnsTheFirstEvent() {
        String producer = newCreditCode("632200");
        RecordTraceEventRequest req = RecordTraceEventRequest.newBuilder()
                .setRequestId(unique("rq"))
                .setBatchCode(unique("B"))
                .setType(TraceEventType.PRODUCED)
                .setProduct("青稞")
                .setOccurredAt("2017-07-01T08:00:00+08:00")
                .build();
        TraceEvent first = enterprise(producer).recordTraceEvent(req);
        assertEquals(first, enterprise(producer).recordTraceEvent(req));
        assertEquals(
                1,
                anonymous()
                        .getTrace(GetTraceRequest.newBuilder()
                                .setBatchCode(req.getBatchCode())
                                .build())
                        .getEventsCount());
    }

    @Test
    void aRecallShowsInThePublicTraceOfTheBatchAndOfItsSplitsAndIsRecordedOnce() {
        Chain c = chain();
        RecallBatchRequest request = RecallBatchRequest.newBuilder()
                .setRequestId(unique("recall"))
                .setBatchCode(c.batch())
                .setReason("兽药残留超标 (抽检报告 2017-081)")
                .build();
        Recall recall = officer("632700").recallBatch(request); // any officer: a recall follows the goods
        assertEquals(c.batch(), recall.getBatchCode());
        assertEquals(recall, officer("632700").recallBatch(request), "a retry returns the first recall");
        assertEquals(
                "REQUEST_ID_REUSED",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> officer("630000")
                                        .recallBatch(request.toBuilder()
                                                .setReason("另一个理由")
                                                .build())))
                        .reason());

        for (String batch : List.of(c.batch(), c.child())) {
            Trace t = anonymous()
                    .getTrace(GetTraceRequest.newBuilder().setBatchCode(batch).build());
            assertEquals(List.of(recall), t.getRecallsList(), batch);
            assertTrue(t.getChainVerified());
        }
        assertEquals(
                "BATCH_NOT_FOUND",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> officer("630000")
                                        .recallBatch(request.toBuilder()
                                                .setRequestId(unique("recall"))
                                                .setBatchCode("NO-SUCH-BATCH")
                                                .build())))
                        .reason());
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> enterprise(c.retailer())
                                        .recallBatch(request.toBuilder()
                                                .setRequestId(unique("recall"))
                                                .build()))
                        .getStatus()
                        .getCode());
        assertEquals(
                List.of("requestId", "reason"),
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> officer("630000")
                                        .recallBatch(RecallBatchRequest.newBuilder()
                                                .setBatchCode(c.batch())
                                                .build())))
                        .fields());
    }

    @Test
    void recallReachFollowsShipmentsAndSplits() {
        Chain c = chain();
        RecallReach reach = officer("630000")
                .getRecallReach(GetRecallReachRequest.newBuilder()
                        .setBatchCode(c.batch())
                        .build());
        assertEquals(List.of(c.batch(), c.child()), reach.getBatchCodesList());
        // ordered by hops, then party: the wholesaler one hop from the producer, both retailers two
        List<String> expected = new java.util.ArrayList<>(List.of(c.retailer() + "@2", c.retailer2() + "@2"));
        expected.sort(null);
        expected.add(0, c.wholesaler() + "@1");
        assertEquals(
                expected,
                reach.getPartiesList().stream()
                        .map(p -> p.getParty() + "@" + p.getHops())
                        .toList());
        assertEquals(
                List.of(c.outlet(), c.outlet2()),
                reach.getOutletsList().stream().map(o -> o.getId()).toList());
        // a split batch's own reach stays within it
        RecallReach child = officer("630000")
                .getRecallReach(GetRecallReachRequest.newBuilder()
                        .setBatchCode(c.child())
                        .build());
        assertEquals(
                List.of(c.retailer2()),
                child.getPartiesList().stream().map(ReachedParty::getParty).toList());
        // department only
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> anonymous()
                                        .getRecallReach(GetRecallReachRequest.newBuilder()
                                                .setBatchCode(c.batch())
                                                .build()))
                        .getStatus()
                        .getCode());
    }

    @Test
    void concurrentEventsOfOneBatchGetConsecutiveSequencesAndRetriesNeverDuplicate() throws Exception {
        String producer = newCreditCode("632200");
        String batch = unique("CONC");
        produce(producer, batch, "");
        RecordTraceEventRequest retried = RecordTraceEventRequest.newBuilder()
                .setRequestId(unique("same"))
                .setBatchCode(batch)
                .setType(TraceEventType.SHIPPED)
                .setCounterparty(newCreditCode("630102"))
                .setOccurredAt("2017-07-01T09:00:00+08:00")
                .build();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<TraceEvent>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            futures.add(pool.submit(() -> n < 4
                    ? event(producer, batch, TraceEventType.SHIPPED, newCreditCode("630102"), 0)
                    : enterprise(producer).recordTraceEvent(retried)));
        }
        for (var f : futures) {
            f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        Trace trace = anonymous()
                .getTrace(GetTraceRequest.newBuilder().setBatchCode(batch).build());
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6),
                trace.getEventsList().stream().map(TraceEvent::getSequence).toList());
        assertTrue(trace.getChainVerified());
    }

    @Test
    void tamperingWithAStoredEventIsDetected() throws Exception {
        Chain c = chain();
        TestDatabases.Database db = SERVICE.service().database();
        try (Connection conn = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement st = conn.createStatement()) {
            st.execute("ALTER TABLE trace_event DISABLE TRIGGER trace_event_append_only");
            st.execute("UPDATE trace_event SET quantity = '9999 kg' WHERE batch_code = '" + c.batch()
                    + "' AND sequence = 1");
            st.execute("ALTER TABLE trace_event ENABLE TRIGGER trace_event_append_only");
        }
        Trace trace = anonymous()
                .getTrace(GetTraceRequest.newBuilder().setBatchCode(c.batch()).build());
        assertFalse(trace.getChainVerified());
        assertEquals(List.of(1), trace.getBrokenAtList());
    }
}
