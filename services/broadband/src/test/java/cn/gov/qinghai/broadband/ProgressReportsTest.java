package cn.gov.qinghai.broadband;

import static cn.gov.qinghai.broadband.BroadbandTestSupport.admin;
import static cn.gov.qinghai.broadband.BroadbandTestSupport.anonymous;
import static cn.gov.qinghai.broadband.BroadbandTestSupport.as;
import static cn.gov.qinghai.broadband.BroadbandTestSupport.reporter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc.BroadbandServiceBlockingStub;
import cn.gov.qinghai.broadband.v1.GetProjectProgressRequest;
import cn.gov.qinghai.broadband.v1.ListProgressReportsRequest;
import cn.gov.qinghai.broadband.v1.ListProjectsRequest;
import cn.gov.qinghai.broadband.v1.ProgressReport;
import cn.gov.qinghai.broadband.v1.Project;
import cn.gov.qinghai.broadband.v1.ProjectProgress;
import cn.gov.qinghai.broadband.v1.ProjectStatus;
import cn.gov.qinghai.broadband.v1.SubmitProgressReportRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Monthly progress reports over real gRPC and PostgreSQL. Each test uses its own project, months 2017-05..08. */
class ProgressReportsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = BroadbandTestSupport.SERVICE;

    static Project project(String owner, String category, int seq) {
        return anonymous()
                .listProjects(ListProjectsRequest.newBuilder()
                        .setOwner(owner)
                        .setCategory(category)
                        .setPageSize(200)
                        .build())
                .getProjectsList()
                .stream()
                .filter(p -> p.getSeq() == seq)
                .findFirst()
                .orElseThrow();
    }

    static SubmitProgressReportRequest.Builder report(Project p, String month, String cumulative) {
        return SubmitProgressReportRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setProjectId(p.getId())
                .setMonth(month)
                .setCumulativeInvestmentYuan(cumulative)
                .setStatus(ProjectStatus.IN_PROGRESS)
                .setPhysicalProgressPercent("10");
    }

    static GrpcErrorDetails fails(Executable call) {
        return GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, call));
    }

    @Test
    void onlyTheOwnerOrTheAdministrationMayReport() {
        Project p = project("中国移动青海公司", "光网推进", 3);
        var req = report(p, "2017-05", "1000").build();
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                fails(() -> anonymous().submitProgressReport(req)).code());
        var other = fails(() -> reporter("中国电信青海分公司").submitProgressReport(req));
        assertEquals(Status.Code.PERMISSION_DENIED, other.code());
        assertEquals("OWNER_OUT_OF_SCOPE", other.reason());
        var noOrg = fails(() -> as(RunningService.as("r", "630000", BroadbandTestSupport.REPORTER))
                .submitProgressReport(req));
        assertEquals("SCOPE_MISSING", noOrg.reason());
        var wrongRole =
                fails(() -> as(RunningService.as("w", "630000", "wage:admin")).submitProgressReport(req));
        assertEquals("ROLE_REQUIRED", wrongRole.reason());

        ProgressReport own = reporter("中国移动青海公司").submitProgressReport(req);
        assertEquals("1000.00", own.getCumulativeInvestmentYuan());
        ProgressReport byAdmin =
                admin().submitProgressReport(report(p, "2017-06", "2000").build());
        assertEquals("admin-1", byAdmin.getReportedBy());
    }

    @Test
    void aRetryWithTheSameRequestIdNeverDuplicates() {
        Project p = project("中国电信青海分公司", "光网推进", 1);
        var req = report(p, "2017-05", "5000000.50").setNote("光缆敷设").build();
        BroadbandServiceBlockingStub telecom = reporter("中国电信青海分公司");
        ProgressReport first = telecom.submitProgressReport(req);
        ProgressReport again = telecom.submitProgressReport(req);
        assertFalse(first.getReplayed());
        assertTrue(again.getReplayed());
        assertEquals(first.getId(), again.getId());
        var reused = fails(() -> telecom.submitProgressReport(
                req.toBuilder().setCumulativeInvestmentYuan("6000000").build()));
        assertEquals(Status.Code.ALREADY_EXISTS, reused.code());
        assertEquals("REQUEST_ID_REUSED", reused.reason());
        assertEquals(
                1,
                admin().listProgressReports(ListProgressReportsRequest.newBuilder()
                                .setProjectId(p.getId())
                                .build())
                        .getReportsCount());
    }

    @Test
    void cumulativeInvestmentNeverGoesDownExceptAsAReasonedCorrection() {
        Project p = project("中国联通青海分公司", "光网推进", 4);
        BroadbandServiceBlockingStub unicom = reporter("中国联通青海分公司");
        unicom.submitProgressReport(report(p, "2017-05", "10000000").build());
        unicom.submitProgressReport(report(p, "2017-06", "20000000").build());

        var down = fails(() ->
                unicom.submitProgressReport(report(p, "2017-07", "15000000").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, down.code());
        assertEquals("CUMULATIVE_DECREASE_WITHOUT_CORRECTION", down.reason());
        var sameMonthDown = fails(() ->
                unicom.submitProgressReport(report(p, "2017-06", "19000000").build()));
        assertEquals("CUMULATIVE_DECREASE_WITHOUT_CORRECTION", sameMonthDown.reason());

        ProgressReport corrected = unicom.submitProgressReport(report(p, "2017-06", "18000000")
                .setCorrectionReason("重复计入了一笔设备款")
                .build());
        assertTrue(corrected.getCorrection());
        ProgressReport july =
                unicom.submitProgressReport(report(p, "2017-07", "18500000").build());
        assertFalse(july.getCorrection(), "above the corrected June figure: an ordinary report");

        var aboveLater = fails(() ->
                unicom.submitProgressReport(report(p, "2017-05", "19000000").build()));
        assertEquals("CUMULATIVE_ABOVE_LATER_MONTH", aboveLater.reason());

        var history = admin().listProgressReports(ListProgressReportsRequest.newBuilder()
                .setProjectId(p.getId())
                .setMonth("2017-06")
                .build());
        assertEquals(2, history.getReportsCount(), "the first June report is kept, superseded");
        assertEquals(
                1,
                history.getReportsList().stream()
                        .filter(ProgressReport::getSuperseded)
                        .count());
    }

    @Test
    void aReportBeyondThePlanIsAcceptedAndFlagged() {
        Project small =
                anonymous()
                        .listProjects(ListProjectsRequest.newBuilder()
                                .setPageSize(200)
                                .build())
                        .getProjectsList()
                        .stream()
                        .filter(x -> x.getPlannedInvestmentYuan().equals("790000"))
                        .findFirst()
                        .orElseThrow();
        ProgressReport r = reporter(small.getOwner())
                .submitProgressReport(report(small, "2017-05", "800000")
                        .setStatus(ProjectStatus.COMPLETED)
                        .setPhysicalProgressPercent("100")
                        .build());
        assertTrue(r.getBeyondPlan());
        Project listed = anonymous()
                .listProjects(ListProjectsRequest.newBuilder()
                        .setOwner(small.getOwner())
                        .setPageSize(200)
                        .build())
                .getProjectsList()
                .stream()
                .filter(x -> x.getId() == small.getId())
                .findFirst()
                .orElseThrow();
        assertTrue(listed.getBeyondPlan());
        assertEquals("800000.00", listed.getActualInvestmentYuan());
        assertEquals("2017-05", listed.getLatestReportMonth());
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        var bad = SubmitProgressReportRequest.newBuilder()
                .setProjectId(1)
                .setMonth("2017-13")
                .setCumulativeInvestmentYuan("-5")
                .setPhysicalProgressPercent("101")
                .build();
        var d = fails(() -> admin().submitProgressReport(bad));
        assertEquals(Status.Code.INVALID_ARGUMENT, d.code());
        assertEquals(
                List.of("requestId", "month", "cumulativeInvestmentYuan", "status", "physicalProgressPercent"),
                d.fields());
        var outside = fails(() -> admin().submitProgressReport(
                        report(project("中国移动青海公司", "光网推进", 3), "2018-01", "1").build()));
        assertEquals(List.of("month"), outside.fields());
        var unknown = fails(() -> admin().submitProgressReport(
                        report(Project.newBuilder().setId(99999).build(), "2017-05", "1")
                                .build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.code());
        assertEquals("PROJECT_NOT_FOUND", unknown.reason());
    }

    @Test
    void missingMonthsAreVisibleAndLateReportsFlagged() {
        Project p = project("格尔木市政府", "数字城镇", 5);
        BroadbandServiceBlockingStub golmud = reporter("格尔木市政府");
        ProgressReport may =
                golmud.submitProgressReport(report(p, "2017-05", "100").build());
        assertEquals("2017-06-10", may.getDueDate());
        assertTrue(may.getLate(), "submitted years after the 10th of the following month");
        golmud.submitProgressReport(report(p, "2017-07", "300").build());
        ProjectProgress progress = anonymous()
                .getProjectProgress(GetProjectProgressRequest.newBuilder()
                        .setProjectId(p.getId())
                        .setMonth("2017-08")
                        .build());
        assertEquals(List.of("2017-06", "2017-08"), progress.getMissingMonthsList());
        assertEquals(4, progress.getMonthsCount());
        assertEquals("300.00", progress.getProject().getActualInvestmentYuan());
        assertFalse(progress.getExplanation().getStepsList().isEmpty());
    }

    /**
     * A report made on paper and entered later by the administrator carries the day it was made: on time when that
     * day is within the deadline (the 10th of the following month), late after it. A reporter cannot backdate.
     */
    @Test
    void aReportEnteredAfterTheFactIsJudgedByTheDayItWasMade() {
        Project p = project("格尔木市政府", "数字政务", 28);
        ProgressReport onTime = admin().submitProgressReport(
                        report(p, "2017-06", "100").setReportedOn("2017-07-10").build());
        assertFalse(onTime.getLate(), "made on the 10th of the following month");
        assertTrue(onTime.getReportedAt().startsWith("2017-07-10"), onTime.getReportedAt());
        assertTrue(
                admin().submitProgressReport(report(p, "2017-07", "200")
                                .setReportedOn("2017-08-11")
                                .build())
                        .getLate(),
                "made on the 11th");
        assertEquals(
                List.of("reportedOn"),
                fails(() -> admin().submitProgressReport(report(p, "2017-08", "300")
                                .setReportedOn("2017-07-31")
                                .build()))
                        .fields());
        assertEquals(
                List.of("reportedOn"),
                fails(() -> admin().submitProgressReport(report(p, "2017-08", "300")
                                .setReportedOn("2999-01-01")
                                .build()))
                        .fields());
        assertEquals(
                "ROLE_REQUIRED",
                fails(() -> reporter("格尔木市政府")
                                .submitProgressReport(report(p, "2017-08", "300")
                                        .setReportedOn("2017-09-01")
                                        .build()))
                        .reason());
    }

    @Test
    void reportersSeeOnlyTheirOwnReports() {
        Project p = project("浪潮集团有限公司", "数字产业", 15);
        reporter("浪潮集团有限公司").submitProgressReport(report(p, "2017-05", "1").build());
        var own = reporter("浪潮集团有限公司")
                .listProgressReports(ListProgressReportsRequest.newBuilder().build());
        assertTrue(own.getReportsCount() >= 1);
        assertTrue(own.getReportsList().stream().allMatch(r -> r.getProjectId() == p.getId()));
        var others = reporter("省人防办")
                .listProgressReports(ListProgressReportsRequest.newBuilder()
                        .setProjectId(p.getId())
                        .build());
        assertEquals(0, others.getReportsCount());
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                fails(() -> anonymous().listProgressReports(ListProgressReportsRequest.getDefaultInstance()))
                        .code());
    }
}
