package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DecideIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc.DibaoServiceBlockingStub;
import cn.gov.qinghai.dibao.v1.ExitCaseRequest;
import cn.gov.qinghai.dibao.v1.ExitReason;
import cn.gov.qinghai.dibao.v1.GetIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.IntakeItem;
import cn.gov.qinghai.dibao.v1.IntakeReport;
import cn.gov.qinghai.dibao.v1.IntakeReportStatus;
import cn.gov.qinghai.dibao.v1.ListIntakeReportsRequest;
import cn.gov.qinghai.dibao.v1.Outcome;
import cn.gov.qinghai.dibao.v1.Stage;
import cn.gov.qinghai.dibao.v1.SubmitIntakeReportRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.MutableClock;
import cn.gov.qinghai.kit.testing.RunningService;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Monthly intake reports (86号 二(五) "由乡（镇）人民政府核查后上报县级民政部门审批…并及时报同级扶贫部门备案") as months pass
 * (own service, movable clock; county 632224 刚察县, township 沙柳河镇). April 2018: two applications, one approved, one
 * rejected; May: the April report is submitted, returned, submitted again and filed; the poverty office sees it only
 * once filed, with when; June: the May report lists the exit.
 */
class IntakeReportTest {

    static final String COUNTY = "632224";
    static final String TOWNSHIP = "沙柳河镇";
    static RunningService service;
    static DibaoServiceBlockingStub stub;
    static DibaoServiceBlockingStub clerk;
    static DibaoServiceBlockingStub reviewer;
    static DibaoServiceBlockingStub verifier;
    static DibaoServiceBlockingStub approver;
    static DibaoServiceBlockingStub povertyOffice;

    @BeforeAll
    static void start() {
        MutableClock.set("2018-04-10T10:00:00");
        service = RunningService.start(
                "dibao_intake",
                Map.of(
                        MutableClock.PROPERTY,
                        "mutable",
                        "grpc.channels.health-data.address",
                        "localhost:" + RunningService.freePort()));
        stub = DibaoServiceGrpc.newBlockingStub(service.channel());
        clerk = stub.withCallCredentials(RunningService.as("clerk-g", COUNTY, "dibao:clerk"));
        reviewer = stub.withCallCredentials(RunningService.as("reviewer-g", COUNTY, "dibao:township-reviewer"));
        verifier = stub.withCallCredentials(RunningService.as("verifier-g", COUNTY, "dibao:verifier"));
        approver = stub.withCallCredentials(RunningService.as("approver-g", COUNTY, "dibao:county-approver"));
        povertyOffice = stub.withCallCredentials(RunningService.as("fupin-g", COUNTY, "dibao:poverty-office"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        service.close();
    }

    static GrpcErrorDetails error(Executable call) {
        return GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, call));
    }

    static DecideCaseRequest decision(Case c, Stage stage, Outcome outcome, String note) {
        return DecideCaseRequest.newBuilder()
                .setCaseId(c.getId())
                .setStage(stage)
                .setOutcome(outcome)
                .setExpectedVersion(c.getVersion())
                .setNote(note)
                .build();
    }

    static SubmitIntakeReportRequest report(String requestId, String month) {
        return SubmitIntakeReportRequest.newBuilder()
                .setRequestId(requestId)
                .setCounty(COUNTY)
                .setTownship(TOWNSHIP)
                .setMonth(month)
                .setNote("乡镇核查完毕")
                .build();
    }

    static DecideIntakeReportRequest decide(IntakeReport r, Outcome outcome, String note) {
        return DecideIntakeReportRequest.newBuilder()
                .setReportId(r.getId())
                .setOutcome(outcome)
                .setExpectedVersion(r.getVersion())
                .setNote(note)
                .build();
    }

    static List<String> actions(List<IntakeItem> items) {
        return items.stream().map(i -> i.getCaseId() + ":" + i.getAction()).toList();
    }

    static Household inTownship(Household h) {
        return h.toBuilder().setTownship(TOWNSHIP).build();
    }

    @Test
    void townshipReportsTheCountyFilesThePovertyOfficeReads() {
        // April 2018: one household approved, one rejected at township review; one in another township.
        Case a = clerk.submitApplication(Households.application(inTownship(Households.classA(COUNTY))));
        a = reviewer.decideCase(decision(a, Stage.TOWNSHIP_REVIEW, Outcome.PASS, ""));
        a = verifier.decideCase(decision(a, Stage.VERIFICATION, Outcome.PASS, ""));
        a = approver.decideCase(decision(a, Stage.COUNTY_APPROVAL, Outcome.PASS, "同意"));
        Case b = clerk.submitApplication(Households.application(inTownship(Households.disabledSingle(COUNTY))));
        b = reviewer.decideCase(decision(b, Stage.TOWNSHIP_REVIEW, Outcome.REJECT, "有稳定工资收入"));
        clerk.submitApplication(Households.application(Households.expenditureType(COUNTY, "0")));
        assertEquals(
                List.of("month"),
                error(() -> reviewer.submitIntakeReport(report("r-early", "2018-04")))
                        .fields(),
                "April has not ended");
        assertEquals(
                List.of("month"),
                error(() -> reviewer.submitIntakeReport(report("r-old", "2017-05")))
                        .fields(),
                "before 86号");

        // May: the township reports April.
        MutableClock.set("2018-05-03T09:00:00");
        assertEquals(
                "ROLE_REQUIRED",
                error(() -> clerk.submitIntakeReport(report("r-clerk", "2018-04")))
                        .reason());
        IntakeReport r = reviewer.submitIntakeReport(report("r-apr-1", "2018-04"));
        assertEquals(IntakeReportStatus.REPORT_SUBMITTED, r.getStatus());
        assertEquals(List.of(a.getId() + ":SUBMITTED", b.getId() + ":SUBMITTED"), actions(r.getNewCasesList()));
        assertEquals(
                List.of(
                        a.getId() + ":TOWNSHIP_REVIEW_PASS",
                        a.getId() + ":VERIFICATION_PASS",
                        a.getId() + ":COUNTY_APPROVAL_PASS",
                        b.getId() + ":TOWNSHIP_REVIEW_REJECT"),
                actions(r.getChangedCasesList()));
        assertEquals(1, r.getAdmitted());
        assertEquals("A", r.getChangedCases(2).getClassification());
        assertFalse(r.getChangedCases(2).getMonthlyTotal().isEmpty());
        assertTrue(r.getNewCases(0).getHeadIdMasked().contains("********"));
        assertEquals(r, reviewer.submitIntakeReport(report("r-apr-1", "2018-04")), "a retry returns the report");
        assertEquals(
                "REQUEST_ID_REUSED",
                error(() -> reviewer.submitIntakeReport(report("r-apr-1", "2018-04").toBuilder()
                                .setNote("改")
                                .build()))
                        .reason());
        assertEquals(
                "INTAKE_REPORT_EXISTS",
                error(() -> reviewer.submitIntakeReport(report("r-apr-x", "2018-04")))
                        .reason());

        // Not filed yet: the poverty office sees nothing.
        ListIntakeReportsRequest list =
                ListIntakeReportsRequest.newBuilder().setCounty(COUNTY).build();
        assertEquals(0, povertyOffice.listIntakeReports(list).getReportsCount());
        assertEquals(
                Status.Code.NOT_FOUND,
                error(() -> povertyOffice.getIntakeReport(GetIntakeReportRequest.newBuilder()
                                .setId(r.getId())
                                .build()))
                        .code());

        // The county returns it with a reason; the township reports again; the county files it.
        assertEquals(
                List.of("note"),
                error(() -> approver.decideIntakeReport(decide(r, Outcome.REJECT, "")))
                        .fields());
        IntakeReport returned = approver.decideIntakeReport(decide(r, Outcome.REJECT, "请补充退出情况说明"));
        assertEquals(IntakeReportStatus.REPORT_RETURNED, returned.getStatus());
        assertEquals(
                "ILLEGAL_TRANSITION",
                error(() -> approver.decideIntakeReport(decide(returned, Outcome.PASS, "")))
                        .reason());
        MutableClock.set("2018-05-04T09:00:00");
        IntakeReport again = reviewer.submitIntakeReport(report("r-apr-2", "2018-04"));
        assertEquals(2, again.getRevision());
        assertEquals(
                Status.Code.ABORTED,
                error(() -> approver.decideIntakeReport(decide(r, Outcome.PASS, "")))
                        .code(),
                "decided on a stale version");
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                error(() -> stub.withCallCredentials(RunningService.as("xn", "630100", "dibao:county-approver"))
                                .decideIntakeReport(decide(again, Outcome.PASS, "")))
                        .reason());
        MutableClock.set("2018-05-05T11:30:00");
        IntakeReport filed = approver.decideIntakeReport(decide(again, Outcome.PASS, "同意"));
        assertEquals(IntakeReportStatus.REPORT_FILED, filed.getStatus());
        assertEquals("approver-g", filed.getApprovedBy());
        assertTrue(filed.getFiledAt().startsWith("2018-05-05T11:30"), filed.getFiledAt());
        assertEquals(
                List.of("SUBMITTED", "RETURNED", "RESUBMITTED", "FILED"),
                filed.getHistoryList().stream().map(h -> h.getAction()).toList());
        assertEquals("请补充退出情况说明", filed.getHistory(1).getNote());

        // The poverty office reads what was filed and when.
        var seen = povertyOffice.listIntakeReports(list);
        assertEquals(1, seen.getReportsCount());
        assertEquals(filed.getFiledAt(), seen.getReports(0).getFiledAt());
        assertEquals(
                filed,
                povertyOffice.getIntakeReport(
                        GetIntakeReportRequest.newBuilder().setId(r.getId()).build()));
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                error(() -> stub.withCallCredentials(RunningService.as("fupin-xn", "630100", "dibao:poverty-office"))
                                .listIntakeReports(list))
                        .reason());
        assertEquals(
                1,
                approver.listIntakeReports(list.toBuilder().setMonth("2018-04").build())
                        .getReportsCount());
        assertEquals(
                0,
                approver.listIntakeReports(list.toBuilder().setMonth("2018-03").build())
                        .getReportsCount());

        // June: the May report lists the exit of May.
        Case current = approver.getCase(cn.gov.qinghai.dibao.v1.GetCaseRequest.newBuilder()
                .setId(a.getId())
                .build());
        approver.exitCase(ExitCaseRequest.newBuilder()
                .setCaseId(a.getId())
                .setReason(ExitReason.DEATH)
                .setExpectedVersion(current.getVersion())
                .build());
        MutableClock.set("2018-06-01T08:00:00");
        IntakeReport may = reviewer.submitIntakeReport(report("r-may-1", "2018-05"));
        assertEquals(List.of(a.getId() + ":EXITED"), actions(may.getExitedCasesList()));
        assertEquals(0, may.getNewCasesCount());
        assertEquals(2, approver.listIntakeReports(list).getReportsCount());
        assertEquals("2018-05", approver.listIntakeReports(list).getReports(0).getMonth(), "newest month first");
    }
}
