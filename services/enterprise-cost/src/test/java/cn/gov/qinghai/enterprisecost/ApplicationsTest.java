package cn.gov.qinghai.enterprisecost;

import static cn.gov.qinghai.kit.testing.RunningService.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.enterprisecost.v1.Application;
import cn.gov.qinghai.enterprisecost.v1.ApplicationKind;
import cn.gov.qinghai.enterprisecost.v1.ApplicationStatus;
import cn.gov.qinghai.enterprisecost.v1.DecideApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub;
import cn.gov.qinghai.enterprisecost.v1.GetApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.ListApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.StartReviewRequest;
import cn.gov.qinghai.enterprisecost.v1.SubmitApplicationRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subsidy applications over real gRPC and PostgreSQL: idempotent submission, review by role and region, deadlines. */
class ApplicationsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = EnterpriseCostTestSupport.SERVICE;

    static final String CREDIT_CODE = "91630100000000000D";

    private final EnterpriseCostServiceBlockingStub anonymous = EnterpriseCostTestSupport.stub();
    private final EnterpriseCostServiceBlockingStub applicant =
            anonymous.withCallCredentials(as("enterprise-a", "", "enterprise-cost:applicant"));
    private final EnterpriseCostServiceBlockingStub otherApplicant =
            anonymous.withCallCredentials(as("enterprise-b", "", "enterprise-cost:applicant"));
    private final EnterpriseCostServiceBlockingStub xiningReviewer =
            anonymous.withCallCredentials(as("officer-xn", "630100", "enterprise-cost:reviewer"));
    private final EnterpriseCostServiceBlockingStub haixiReviewer =
            anonymous.withCallCredentials(as("officer-hx", "632800", "enterprise-cost:reviewer"));

    @BeforeEach
    void wednesdayBeforeNationalDay() {
        EnterpriseCostTestSupport.today().set(LocalDate.of(2017, 9, 20));
    }

    @AfterEach
    void realDate() {
        EnterpriseCostTestSupport.today().set(null);
    }

    static SubmitApplicationRequest.Builder stableJob(String requestId) {
        return SubmitApplicationRequest.newBuilder()
                .setRequestId(requestId)
                .setKind(ApplicationKind.STABLE_JOB)
                .setEnterpriseCreditCode(CREDIT_CODE)
                .setApplicantName("西宁某制造有限公司")
                .setRegion("630102")
                .putInputs("lastYearUnemploymentInsurancePaid", "84000")
                .putInputs("paidInFull", "true")
                .putInputs("laidOffNoneOrFew", "true");
    }

    @Test
    void submissionComputesTheClaimAndTheDueDateOnTheHolidayCalendar() {
        Application a = applicant.submitApplication(
                stableJob(UUID.randomUUID().toString()).build());
        assertEquals(ApplicationStatus.SUBMITTED, a.getStatus());
        assertEquals("stable-job-subsidy", a.getCalculatorId());
        assertEquals("42000.00", a.getClaimedAmount());
        assertEquals("2017-09-20", a.getReceivedOn());
        // 15 working days: the adjusted Saturday 09-30 counts, 10-01..10-08 do not
        assertEquals("2017-10-17", a.getDueOn());
        assertFalse(a.getDueDateProvisional());
        assertFalse(a.getOverdue());
        assertEquals(1, a.getEventsCount());
        assertEquals(1, a.getVersion());
        assertFalse(a.getExplanation().getStepsList().isEmpty());
    }

    @Test
    void aRetryReturnsTheFirstApplicationAndAReusedKeyIsRefused() {
        String key = UUID.randomUUID().toString();
        Application first = applicant.submitApplication(stableJob(key).build());
        Application retry = applicant.submitApplication(stableJob(key).build());
        assertEquals(first.getId(), retry.getId());
        assertEquals(first, retry);
        GrpcErrorDetails changed = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> applicant.submitApplication(stableJob(key)
                        .putInputs("lastYearUnemploymentInsurancePaid", "90000")
                        .build())));
        assertEquals(Status.Code.ALREADY_EXISTS, changed.code());
        assertEquals("REQUEST_ID_REUSED", changed.reason());
        GrpcErrorDetails someoneElse = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> otherApplicant.submitApplication(stableJob(key).build())));
        assertEquals(Status.Code.ALREADY_EXISTS, someoneElse.code());
    }

    @Test
    void submissionNeedsTheApplicantRole() {
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> anonymous.submitApplication(
                                        stableJob("k-anon").build())))
                        .code());
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> xiningReviewer.submitApplication(
                                        stableJob("k-rev").build())))
                        .code());
    }

    @Test
    void everyInvalidFieldAtOnceIncludingCalculatorInputs() {
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> applicant.submitApplication(SubmitApplicationRequest.newBuilder()
                        .setKind(ApplicationKind.STABLE_JOB)
                        .setEnterpriseCreditCode("91630100000000000A")
                        .setRegion("110000")
                        .putInputs("paidInFull", "maybe")
                        .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(
                List.of(
                        "requestId",
                        "enterpriseCreditCode",
                        "applicantName",
                        "region",
                        "inputs.lastYearUnemploymentInsurancePaid",
                        "inputs.paidInFull",
                        "inputs.laidOffNoneOrFew"),
                e.fields());
        GrpcErrorDetails guarantee = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> applicant.submitApplication(SubmitApplicationRequest.newBuilder()
                        .setRequestId("g-1")
                        .setKind(ApplicationKind.GUARANTEE)
                        .setEnterpriseCreditCode(CREDIT_CODE)
                        .setApplicantName("担保公司")
                        .setRegion("630100")
                        .putInputs("guaranteeAmount", "500000")
                        .putInputs("annualFeeRate", "0.02")
                        .putInputs("benchmarkLoanRate", "0.0435")
                        .putInputs("borrowerSmallOrMicro", "true")
                        .build())));
        assertEquals(List.of("claimedAmount"), guarantee.fields());
    }

    @Test
    void anIneligibleApplicationIsRefusedWithTheReason() {
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> applicant.submitApplication(stableJob(UUID.randomUUID().toString())
                        .putInputs("paidInFull", "false")
                        .build())));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.code());
        assertEquals("NOT_ELIGIBLE", e.reason());
        assertTrue(e.message().contains("not paid in full"), e.message());
    }

    @Test
    void aStartUpAwardNeedsNoCreditCode() {
        Application a = applicant.submitApplication(SubmitApplicationRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setKind(ApplicationKind.STARTUP_AWARD)
                .setApplicantName("张某")
                .setRegion("630200")
                .putInputs("category", "veteran")
                .build());
        assertEquals("5000.00", a.getClaimedAmount());
    }

    @Test
    void reviewedAndDecidedByARegionScopedReviewer() {
        Application a = applicant.submitApplication(
                stableJob(UUID.randomUUID().toString()).build());
        StartReviewRequest start = StartReviewRequest.newBuilder()
                .setId(a.getId())
                .setVersion(a.getVersion())
                .build();

        assertEquals(
                "REGION_OUT_OF_SCOPE",
                GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, () -> haixiReviewer.startReview(start)))
                        .reason());
        for (String claim : new String[] {"", "63", "110000"}) { // a reviewer without a usable region: denied
            var unscoped = anonymous.withCallCredentials(as("reviewer-none", claim, "enterprise-cost:reviewer"));
            assertEquals(
                    "SCOPE_MISSING",
                    GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, () -> unscoped.startReview(start)))
                            .reason());
            assertEquals(
                    "SCOPE_MISSING",
                    GrpcErrorDetails.of(assertThrows(
                                    StatusRuntimeException.class,
                                    () -> unscoped.listApplications(ListApplicationsRequest.getDefaultInstance())))
                            .reason());
        }
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, () -> applicant.startReview(start)))
                        .code());
        assertEquals(
                "VERSION_CONFLICT",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> xiningReviewer.startReview(
                                        start.toBuilder().setVersion(7).build())))
                        .reason());

        Application reviewing = xiningReviewer.startReview(start);
        assertEquals(ApplicationStatus.UNDER_REVIEW, reviewing.getStatus());
        assertEquals(2, reviewing.getVersion());
        assertEquals(
                "INVALID_TRANSITION",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> xiningReviewer.startReview(
                                        start.toBuilder().setVersion(2).build())))
                        .reason());

        DecideApplicationRequest.Builder decide = DecideApplicationRequest.newBuilder()
                .setId(a.getId())
                .setVersion(reviewing.getVersion())
                .setApprove(true);
        GrpcErrorDetails tooMuch = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> xiningReviewer.decideApplication(
                        decide.setApprovedAmount("42000.01").build())));
        assertEquals(List.of("approvedAmount"), tooMuch.fields());
        GrpcErrorDetails rejectWithoutReason = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> xiningReviewer.decideApplication(
                        decide.setApprove(false).setApprovedAmount("").build())));
        assertEquals(List.of("note"), rejectWithoutReason.fields());

        EnterpriseCostTestSupport.today().set(LocalDate.of(2017, 10, 9));
        Application approved = xiningReviewer.decideApplication(
                decide.setApprove(true).setApprovedAmount("40000").setNote("核定").build());
        assertEquals(ApplicationStatus.APPROVED, approved.getStatus());
        assertEquals("40000.00", approved.getApprovedAmount());
        assertEquals("2017-10-09", approved.getDecidedOn());
        assertEquals("officer-xn", approved.getDecidedBy());
        assertFalse(approved.getOverdue());
        // 09-21, 09-22, 09-25..09-29, 09-30 (adjusted), 10-09
        assertEquals(9, approved.getWorkingDaysElapsed());
        assertEquals(
                List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED),
                approved.getEventsList().stream().map(e -> e.getStatus()).toList());
        assertEquals(
                approved,
                applicant.getApplication(
                        GetApplicationRequest.newBuilder().setId(a.getId()).build()));
    }

    @Test
    void aReviewerMayNotDecideTheirOwnApplication() {
        var both = anonymous.withCallCredentials(
                as("dual", "630000", "enterprise-cost:applicant", "enterprise-cost:reviewer"));
        Application a =
                both.submitApplication(stableJob(UUID.randomUUID().toString()).build());
        assertEquals(
                "OWN_APPLICATION",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> both.startReview(StartReviewRequest.newBuilder()
                                        .setId(a.getId())
                                        .setVersion(1)
                                        .build())))
                        .reason());
    }

    @Test
    void othersCannotSeeAnApplication() {
        Application a = applicant.submitApplication(
                stableJob(UUID.randomUUID().toString()).build());
        GetApplicationRequest get =
                GetApplicationRequest.newBuilder().setId(a.getId()).build();
        assertEquals(
                Status.Code.NOT_FOUND,
                GrpcErrorDetails.of(
                                assertThrows(StatusRuntimeException.class, () -> otherApplicant.getApplication(get)))
                        .code());
        assertEquals(
                Status.Code.NOT_FOUND,
                GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, () -> haixiReviewer.getApplication(get)))
                        .code());
        assertEquals(a.getId(), xiningReviewer.getApplication(get).getId());
        List<String> mine =
                applicant.listApplications(ListApplicationsRequest.newBuilder().build()).getApplicationsList().stream()
                        .map(Application::getId)
                        .toList();
        assertTrue(mine.contains(a.getId()));
        assertFalse(
                otherApplicant
                        .listApplications(ListApplicationsRequest.newBuilder().build())
                        .getApplicationsList()
                        .stream()
                        .anyMatch(x -> x.getId().equals(a.getId())));
        assertFalse(
                haixiReviewer
                        .listApplications(ListApplicationsRequest.newBuilder().build())
                        .getApplicationsList()
                        .stream()
                        .anyMatch(x -> x.getId().equals(a.getId())));
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> haixiReviewer.listApplications(ListApplicationsRequest.newBuilder()
                                        .setRegion("630100")
                                        .build())))
                        .code());
    }

    @Test
    void overdueApplicationsAreListedForTheRegion() {
        Application a = applicant.submitApplication(
                stableJob(UUID.randomUUID().toString()).build());
        assertEquals("2017-10-17", a.getDueOn());
        ListOverdueApplicationsRequest onDueDate = ListOverdueApplicationsRequest.newBuilder()
                .setAsOf("2017-10-17")
                .setPageSize(1000)
                .build();
        assertFalse(ids(xiningReviewer.listOverdueApplications(onDueDate).getApplicationsList())
                .contains(a.getId()));

        EnterpriseCostTestSupport.today().set(LocalDate.of(2017, 10, 18));
        ListOverdueApplicationsRequest dayAfter =
                onDueDate.toBuilder().setAsOf("").build();
        List<Application> overdue =
                xiningReviewer.listOverdueApplications(dayAfter).getApplicationsList();
        Application listed = overdue.stream()
                .filter(x -> x.getId().equals(a.getId()))
                .findFirst()
                .orElseThrow();
        assertTrue(listed.getOverdue());
        assertEquals(16, listed.getWorkingDaysElapsed());
        assertFalse(ids(haixiReviewer.listOverdueApplications(dayAfter).getApplicationsList())
                .contains(a.getId()));
        assertNotEquals(
                Status.Code.OK,
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class, () -> applicant.listOverdueApplications(dayAfter)))
                        .code());
    }

    private static List<String> ids(List<Application> list) {
        return list.stream().map(Application::getId).toList();
    }
}
