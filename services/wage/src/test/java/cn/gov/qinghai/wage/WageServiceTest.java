package cn.gov.qinghai.wage;

import static cn.gov.qinghai.kit.testing.RunningService.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.Citation;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.ComplianceSummary;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryResponse;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import cn.gov.qinghai.wage.v1.PayrollRecordBatch;
import cn.gov.qinghai.wage.v1.PublishStandardRequest;
import cn.gov.qinghai.wage.v1.PublishedStandard;
import cn.gov.qinghai.wage.v1.StandardSource;
import cn.gov.qinghai.wage.v1.StreamComplianceRequest;
import cn.gov.qinghai.wage.v1.StreamComplianceResponse;
import cn.gov.qinghai.wage.v1.StreamOptions;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wage service over real gRPC against real PostgreSQL. */
class WageServiceTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = WageTestSupport.SERVICE;

    private final RunningService service;
    private final WageServiceGrpc.WageServiceBlockingStub wage;

    WageServiceTest(RunningService service) {
        this.service = service;
        this.wage = WageServiceGrpc.newBlockingStub(service.channel());
    }

    @Test
    void healthIsServing() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(service.channel())
                .check(HealthCheckRequest.newBuilder().build());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> wage.getMinimumWage(GetMinimumWageRequest.newBuilder()
                        .setRegion("999999")
                        .setDate("2017-02-30")
                        .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(List.of("region", "date"), e.fields());

        PayrollRecord good = PayrollRecord.newBuilder()
                .setRegion("630100")
                .setPeriod("2017-06")
                .setEmployment(Employment.FULL_TIME)
                .setGrossPay("1600")
                .build();
        PayrollRecord bad = PayrollRecord.newBuilder()
                .setRegion("630100")
                .setPeriod("2017-13")
                .setEmployment(Employment.PART_TIME)
                .setGrossPay("abc")
                .build();
        GrpcErrorDetails batch = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> wage.checkCompliance(CheckComplianceRequest.newBuilder()
                        .addRecords(good)
                        .addRecords(good)
                        .addRecords(good)
                        .addRecords(bad)
                        .build())));
        assertEquals(List.of("records[3].period", "records[3].grossPay", "records[3].hoursWorked"), batch.fields());
    }

    @Test
    void batchesAreLimitedToOneThousandRecords() {
        CheckComplianceRequest.Builder request = CheckComplianceRequest.newBuilder();
        PayrollRecord r = PayrollRecord.newBuilder()
                .setRegion("630100")
                .setPeriod("2017-06")
                .setEmployment(Employment.FULL_TIME)
                .setGrossPay("1600")
                .build();
        for (int i = 0; i < 1000; i++) {
            request.addRecords(r);
        }
        assertEquals(1000, wage.checkCompliance(request.build()).getSummary().getCompliant());
        request.addRecords(r);
        assertEquals(
                List.of("records"),
                GrpcErrorDetails.of(
                                assertThrows(StatusRuntimeException.class, () -> wage.checkCompliance(request.build())))
                        .fields());
    }

    @Test
    void streamReturnsOneResultPerRecordInOrderThenASummary() throws Exception {
        List<StreamComplianceResponse> received = new ArrayList<>();
        Throwable[] failure = {null};
        CountDownLatch done = new CountDownLatch(1);
        StreamObserver<StreamComplianceRequest> requests =
                WageServiceGrpc.newStub(service.channel()).streamCompliance(collectInto(received, failure, done));
        requests.onNext(StreamComplianceRequest.newBuilder()
                .setOptions(StreamOptions.newBuilder().setIncludeExplanations(true))
                .build());
        int n = 5000;
        for (int i = 0; i < n; i++) {
            String pay = i % 10 == 0 ? "1400" : "1500";
            PayrollRecord.Builder r = PayrollRecord.newBuilder()
                    .setReference("e" + i)
                    .setRegion("632700")
                    .setPeriod("2017-08")
                    .setEmployment(Employment.FULL_TIME)
                    .setGrossPay(pay);
            if (i == 7) {
                r.setGrossPay("-1");
            }
            requests.onNext(StreamComplianceRequest.newBuilder().setRecord(r).build());
        }
        requests.onCompleted();
        assertTrue(done.await(60, TimeUnit.SECONDS));
        assertEquals(n + 1, received.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, received.get(i).getResult().getIndex());
        }
        assertEquals("grossPay", received.get(7).getResult().getViolations(0).getField());
        assertEquals(4, received.get(0).getResult().getExplanation().getStepsCount());
        ComplianceSummary summary = received.get(n).getSummary();
        assertEquals(n, summary.getRecords());
        assertEquals(1, summary.getInvalid());
        assertEquals(500, summary.getNonCompliant());
        assertEquals("50000.00", summary.getTotalShortfall());
    }

    @Test
    void batchesAndSingleRecordsMayBeMixedAndIndexesRunOnAcrossThem() throws Exception {
        List<StreamComplianceResponse> received = new ArrayList<>();
        Throwable[] failure = {null};
        CountDownLatch done = new CountDownLatch(1);
        StreamObserver<StreamComplianceRequest> requests =
                WageServiceGrpc.newStub(service.channel()).streamCompliance(collectInto(received, failure, done));
        requests.onNext(StreamComplianceRequest.newBuilder()
                .setRecord(record(0, "1400"))
                .build());
        for (int b = 0; b < 3; b++) {
            PayrollRecordBatch.Builder batch = PayrollRecordBatch.newBuilder();
            for (int i = 0; i < 1000; i++) {
                int n = 1 + b * 1000 + i;
                batch.addRecords(record(n, n == 500 ? "x" : n % 10 == 0 ? "1400" : "1500"));
            }
            requests.onNext(
                    StreamComplianceRequest.newBuilder().setRecords(batch).build());
        }
        requests.onNext(StreamComplianceRequest.newBuilder()
                .setRecord(record(3001, "1500"))
                .build());
        requests.onCompleted();
        assertTrue(done.await(60, TimeUnit.SECONDS));
        assertEquals(null, failure[0]);
        assertEquals(6, received.size(), "one answer per message: a result, three batches, a result, the summary");
        assertEquals(0, received.get(0).getResult().getIndex());
        assertFalse(received.get(0).getResult().getCompliant());
        for (int b = 0; b < 3; b++) {
            List<ComplianceResult> results = received.get(1 + b).getResults().getResultsList();
            assertEquals(1000, results.size());
            for (int i = 0; i < 1000; i++) {
                assertEquals(1 + b * 1000 + i, results.get(i).getIndex());
            }
        }
        assertEquals(
                "grossPay",
                received.get(1).getResults().getResults(499).getViolations(0).getField());
        assertEquals(3001, received.get(4).getResult().getIndex());
        ComplianceSummary summary = received.get(5).getSummary();
        assertEquals(3002, summary.getRecords());
        assertEquals(1, summary.getInvalid());
        // record 0 plus every tenth of 1..3000 except 500 (invalid): 300 records each 100.00 short
        assertEquals(300, summary.getNonCompliant());
        assertEquals("30000.00", summary.getTotalShortfall());
    }

    @Test
    void anOversizedBatchEndsTheStreamWithTheFieldNamed() throws Exception {
        List<StreamComplianceResponse> received = new ArrayList<>();
        Throwable[] failure = {null};
        CountDownLatch done = new CountDownLatch(1);
        StreamObserver<StreamComplianceRequest> requests =
                WageServiceGrpc.newStub(service.channel()).streamCompliance(collectInto(received, failure, done));
        PayrollRecordBatch.Builder batch = PayrollRecordBatch.newBuilder();
        for (int i = 0; i < 1001; i++) {
            batch.addRecords(record(i, "1500"));
        }
        requests.onNext(StreamComplianceRequest.newBuilder().setRecords(batch).build());
        requests.onCompleted();
        assertTrue(done.await(60, TimeUnit.SECONDS));
        GrpcErrorDetails e = GrpcErrorDetails.of((StatusRuntimeException) failure[0]);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(List.of("records.records"), e.fields());
    }

    private static PayrollRecord record(int i, String grossPay) {
        return PayrollRecord.newBuilder()
                .setReference("e" + i)
                .setRegion("632700")
                .setPeriod("2017-08")
                .setEmployment(Employment.FULL_TIME)
                .setGrossPay(grossPay)
                .build();
    }

    private static StreamObserver<StreamComplianceResponse> collectInto(
            List<StreamComplianceResponse> received, Throwable[] failure, CountDownLatch done) {
        return new StreamObserver<>() {
            public void onNext(StreamComplianceResponse value) {
                received.add(value);
            }

            public void onError(Throwable t) {
                failure[0] = t;
                done.countDown();
            }

            public void onCompleted() {
                done.countDown();
            }
        };
    }

    @Test
    void publishingNeedsTheAdminRoleAndARegionInScope() {
        PublishStandardRequest request = publishRequest("p-auth", "632800", "2031-01-01", "1700.00", "17.00");
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, () -> wage.publishStandard(request)))
                        .code());
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> wage.withCallCredentials(as("clerk", "630000", "dibao:verifier"))
                                        .publishStandard(request)))
                        .code());
        GrpcErrorDetails outOfRegion = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> wage.withCallCredentials(as("xining-admin", "630100", "wage:admin"))
                        .publishStandard(request)));
        assertEquals("REGION_OUT_OF_SCOPE", outOfRegion.reason());
        for (String claim : new String[] {"", "63", "110000", "6301xx"}) { // missing or malformed: fails closed
            GrpcErrorDetails noScope = GrpcErrorDetails.of(assertThrows(
                    StatusRuntimeException.class,
                    () -> wage.withCallCredentials(as("admin", claim, "wage:admin"))
                            .publishStandard(request)));
            assertEquals(Status.Code.PERMISSION_DENIED, noScope.code());
            assertEquals("SCOPE_MISSING", noScope.reason(), "region claim '" + claim + "'");
        }
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> wage.withCallCredentials(RunningService.bearer("forged.token.value"))
                                        .publishStandard(request)))
                        .code());
    }

    @Test
    void publishedStandardAppliesFromItsDateKeepsHistoryAndIsIdempotent() {
        var admin = wage.withCallCredentials(as("admin-1", "630000", "wage:admin"));
        PublishStandardRequest request = publishRequest("p-2030", "632700", "2030-07-01", "1800.00", "18.50");
        PublishedStandard first = admin.publishStandard(request);
        PublishedStandard retry = admin.publishStandard(request);
        assertEquals(first.getId(), retry.getId());

        assertEquals(
                "1500.00",
                wage.getMinimumWage(GetMinimumWageRequest.newBuilder()
                                .setRegion("632700")
                                .setDate("2030-06-30")
                                .build())
                        .getMonthly());
        var after = wage.getMinimumWage(GetMinimumWageRequest.newBuilder()
                .setRegion("632700")
                .setDate("2030-07-01")
                .build());
        assertEquals("1800.00", after.getMonthly());
        assertEquals(StandardSource.PUBLISHED, after.getSource());
        assertEquals(
                "1500.00",
                wage.getMinimumWage(GetMinimumWageRequest.newBuilder()
                                .setRegion("630100")
                                .setDate("2030-07-01")
                                .build())
                        .getMonthly());

        ListMinimumWageHistoryResponse history = wage.listMinimumWageHistory(
                ListMinimumWageHistoryRequest.newBuilder().setRegion("632700").build());
        assertEquals(
                List.of("", "2017-05-01", "2030-07-01"),
                history.getVersionsList().stream()
                        .map(v -> v.getEffectiveFrom())
                        .toList());
        assertEquals("2030-06-30", history.getVersions(1).getEffectiveTo());
        assertEquals("admin-1", history.getVersions(2).getPublishedBy());

        GrpcErrorDetails older = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> admin.publishStandard(publishRequest("p-older", "632700", "2030-01-01", "1750.00", "18.00"))));
        assertEquals(Status.Code.FAILED_PRECONDITION, older.code());
        assertEquals("EFFECTIVE_DATE_NOT_AFTER_NEWEST", older.reason());

        GrpcErrorDetails reused = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> admin.publishStandard(publishRequest("p-2030", "632700", "2031-01-01", "1900.00", "19.00"))));
        assertEquals(Status.Code.ALREADY_EXISTS, reused.code());
    }

    @Test
    void publishedRowsCannotBeRewrittenEvenDirectlyInTheDatabase() throws SQLException {
        var admin = wage.withCallCredentials(as("admin-2", "630000", "wage:admin"));
        admin.publishStandard(publishRequest("p-haixi", "632800", "2035-01-01", "2000.00", "20.00"));
        var db = service.database();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement st = c.createStatement()) {
            SQLException e = assertThrows(
                    SQLException.class,
                    () -> st.executeUpdate("UPDATE published_standard SET monthly = 1 WHERE request_id = 'p-haixi'"));
            assertTrue(e.getMessage().contains("append-only"));
        }
    }

    private static PublishStandardRequest publishRequest(
            String id, String region, String from, String monthly, String hourly) {
        return PublishStandardRequest.newBuilder()
                .setRequestId(id)
                .setRegion(region)
                .setEffectiveFrom(from)
                .setMonthly(monthly)
                .setHourly(hourly)
                .setCitation(Citation.newBuilder().setDocument("青政〔2030〕1号").setClause("一"))
                .build();
    }
}
