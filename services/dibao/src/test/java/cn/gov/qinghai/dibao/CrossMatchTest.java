package cn.gov.qinghai.dibao;

import static cn.gov.qinghai.dibao.DibaoTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.CrossMatchReport;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.GetCrossMatchReportRequest;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.Outcome;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.dibao.v1.Stage;
import cn.gov.qinghai.kit.testing.ClientStreams;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Poverty-registry import (streamed CSV, bad rows by line) and the cross-match report (三(一)); county 632321. */
class CrossMatchTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    static final String COUNTY = "632321";

    /** Streams {@code csv} in chunks of {@code chunk} bytes (lines and characters split across chunks). */
    static PovertyRosterImport upload(String csv, int chunk, String subject, String region, String... roles)
            throws Exception {
        CompletableFuture<PovertyRosterImport> result = new CompletableFuture<>();
        StreamObserver<PovertyRosterChunk> in = DibaoServiceGrpc.newStub(
                        SERVICE.service().channel())
                .withCallCredentials(RunningService.as(subject, region, roles))
                .importPovertyRoster(ClientStreams.into(result));
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            in.onNext(PovertyRosterChunk.newBuilder()
                    .setData(ByteString.copyFrom(bytes, i, Math.min(chunk, bytes.length - i)))
                    .build());
        }
        in.onCompleted();
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    static CrossMatchReport report(String region) {
        return as("po-1", "630000", "dibao:poverty-office")
                .getCrossMatchReport(GetCrossMatchReportRequest.newBuilder()
                        .setRegion(region)
                        .build());
    }

    @Test
    void importReportsBadLinesKeepsGoodOnesAndTheReportIsSetBased() throws Exception {
        Household h = Households.classA(COUNTY);
        var clerk = as("clerk-x", COUNTY, "dibao:clerk");
        Case c = clerk.submitApplication(Households.application(h));
        c = as("r", COUNTY, "dibao:township-reviewer").decideCase(next(c, Stage.TOWNSHIP_REVIEW));
        c = as("v", COUNTY, "dibao:verifier").decideCase(next(c, Stage.VERIFICATION));
        as("a", COUNTY, "dibao:county-approver").decideCase(next(c, Stage.COUNTY_APPROVAL));

        String registryOnly = DibaoTestSupport.residentId(COUNTY, LocalDate.of(1965, 7, 1));
        String csv = "id_number,name,county\r\n"
                + h.getMembers(0).getIdNumber() + ",张三丰," + COUNTY + "\r\n" // line 2: in both
                + registryOnly + ",扎西," + COUNTY + "\n" // line 3: registry only
                + "630121198001011234,错号," + COUNTY + "\n" // line 4: wrong check character
                + h.getMembers(1).getIdNumber() + ",李四娘,999999\n" // line 5: county not in Qinghai
                + "only,two\n" // line 6: field count
                + "\n" // line 7: blank, ignored
                + h.getMembers(2).getIdNumber() + ",张小五,630121\n"; // line 8: outside 632321? no: kept
        PovertyRosterImport result = upload(csv, 7, "po-1", "630000", "dibao:poverty-office");
        assertEquals(6, result.getLines());
        assertEquals(3, result.getAccepted());
        assertEquals(3, result.getRejected());
        assertEquals(
                List.of(4L, 5L, 6L),
                result.getBadRowsList().stream().map(b -> b.getLine()).toList());
        assertTrue(
                result.getBadRows(0).getReason().contains("check character"),
                result.getBadRows(0).getReason());

        CrossMatchReport r = report(COUNTY);
        assertEquals(1, r.getInBoth());
        assertEquals(2, r.getDibaoOnly(), "members 1 and 2 are not registered in 632321");
        assertEquals(1, r.getRegistryOnly());
        assertTrue(r.getSampleInBoth(0).contains("********"));
        assertFalse(r.toString().contains(registryOnly));
        assertEquals(
                r.toBuilder().setComputedAt("").build(),
                report(COUNTY).toBuilder().setComputedAt("").build(),
                "re-runnable");

        // A new import replaces the previous one.
        PovertyRosterImport second = upload(
                h.getMembers(0).getIdNumber() + ",张三丰," + COUNTY + "\n"
                        + h.getMembers(1).getIdNumber() + ",李四娘," + COUNTY,
                1 << 20,
                "po-1",
                "630000",
                "dibao:poverty-office");
        assertEquals(2, second.getAccepted());
        CrossMatchReport after = report(COUNTY);
        assertEquals(2, after.getInBoth());
        assertEquals(1, after.getDibaoOnly());
        assertEquals(0, after.getRegistryOnly());
    }

    @Test
    void onlyThePovertyOfficeImportsAndOnlyItsRegion() throws Exception {
        StatusRuntimeException denied =
                assertThrows(StatusRuntimeException.class, () -> upload("x,y,z\n", 10, "clerk", COUNTY, "dibao:clerk"));
        assertEquals(Status.Code.PERMISSION_DENIED, GrpcErrorDetails.of(denied).code());
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> as("po-x", "632700", "dibao:poverty-office")
                                        .getCrossMatchReport(GetCrossMatchReportRequest.newBuilder()
                                                .setRegion(COUNTY)
                                                .build())))
                        .reason());
        for (String claim : new String[] {"", "63", "110000"}) { // a missing or malformed scope never means "all"
            assertEquals(
                    "SCOPE_MISSING",
                    GrpcErrorDetails.of(assertThrows(
                                    StatusRuntimeException.class,
                                    () -> as("po-none", claim, "dibao:poverty-office")
                                            .getCrossMatchReport(GetCrossMatchReportRequest.newBuilder()
                                                    .setRegion(COUNTY)
                                                    .build())))
                            .reason());
        }
    }

    static DecideCaseRequest next(Case c, Stage stage) {
        return DecideCaseRequest.newBuilder()
                .setCaseId(c.getId())
                .setStage(stage)
                .setOutcome(Outcome.PASS)
                .setExpectedVersion(c.getVersion())
                .build();
    }
}
