package cn.gov.qinghai.enterprisecost;

import static cn.gov.qinghai.kit.testing.RunningService.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.enterprisecost.v1.ApprovalStepKind;
import cn.gov.qinghai.enterprisecost.v1.DecideInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub;
import cn.gov.qinghai.enterprisecost.v1.GetInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.InvestmentProject;
import cn.gov.qinghai.enterprisecost.v1.InvestmentProjectStatus;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueInvestmentProjectsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueInvestmentProjectsResponse;
import cn.gov.qinghai.enterprisecost.v1.RecordApprovalStepRequest;
import cn.gov.qinghai.enterprisecost.v1.RegisterInvestmentProjectRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Enterprise investment-project approvals on the 15-working-day clock (青政〔2017〕42号 八(四), 43号 一(一)) over real
 * gRPC and PostgreSQL: received → approving steps → decided, due dates on the 2017 holiday calendar, the overdue
 * list by department, idempotency, optimistic locking, role and region.
 */
class InvestmentProjectsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = EnterpriseCostTestSupport.SERVICE;

    private final EnterpriseCostServiceBlockingStub anonymous = EnterpriseCostTestSupport.stub();
    private final EnterpriseCostServiceBlockingStub xining =
            anonymous.withCallCredentials(as("clerk-xn", "630100", "enterprise-cost:approval-officer"));
    private final EnterpriseCostServiceBlockingStub haixi =
            anonymous.withCallCredentials(as("clerk-hx", "632800", "enterprise-cost:approval-officer"));
    private final EnterpriseCostServiceBlockingStub reviewer =
            anonymous.withCallCredentials(as("officer-xn", "630100", "enterprise-cost:reviewer"));

    @AfterEach
    void realDate() {
        EnterpriseCostTestSupport.today().set(null);
    }

    private static RegisterInvestmentProjectRequest.Builder project(String requestId, String department) {
        return RegisterInvestmentProjectRequest.newBuilder()
                .setRequestId(requestId)
                .setProjectCode("2017-630102-26-03-0001")
                .setProjectName("西宁某公司年产5万吨饲料加工项目")
                .setEnterpriseCreditCode(ApplicationsTest.CREDIT_CODE)
                .setRegion("630102")
                .setDepartment(department)
                .setReceivedOn("2017-09-20");
    }

    private ListOverdueInvestmentProjectsResponse overdue(
            EnterpriseCostServiceBlockingStub stub, String asOf, String department) {
        return stub.listOverdueInvestmentProjects(ListOverdueInvestmentProjectsRequest.newBuilder()
                .setAsOf(asOf)
                .setDepartment(department)
                .build());
    }

    @Test
    void receivedStepsDecidedOnTheWorkingDayClock() {
        EnterpriseCostTestSupport.today().set(LocalDate.of(2017, 9, 20));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String lead = "西宁市发展改革委-" + run;
        String environment = "西宁市环境保护局-" + run;
        String requestId = "ip-" + run;
        InvestmentProject p =
                xining.registerInvestmentProject(project(requestId, lead).build());
        assertEquals(InvestmentProjectStatus.IN_APPROVAL, p.getStatus());
        // Sep 21–22, 25–29, Sat 30 (adjusted workday), Oct 1–8 off, Oct 9–13, 16, 17: the 15th working day
        assertEquals("2017-10-17", p.getDueOn());
        assertEquals(15, p.getWorkingDaysLimit());
        assertEquals(0, p.getWorkingDaysUsed());
        assertEquals(
                List.of(ApprovalStepKind.RECEIVED),
                p.getStepsList().stream().map(s -> s.getKind()).toList());
        assertTrue(
                p.getExplanation().getStepsList().stream()
                        .flatMap(s -> s.getParametersList().stream())
                        .anyMatch(u -> u.getCitation().getDocument().equals("青政〔2017〕43号")),
                "cites 43号 一(一) in force then");

        assertEquals(
                p.getId(),
                xining.registerInvestmentProject(project(requestId, lead).build())
                        .getId(),
                "a retry");
        assertEquals(
                "REQUEST_ID_REUSED",
                fails(() -> xining.registerInvestmentProject(
                                project(requestId, lead).setProjectName("另一个项目").build()))
                        .reason());

        EnterpriseCostTestSupport.today().set(LocalDate.of(2017, 9, 25));
        InvestmentProject stepped = xining.recordApprovalStep(RecordApprovalStepRequest.newBuilder()
                .setProjectId(p.getId())
                .setVersion(p.getVersion())
                .setStepName("用地预审")
                .setDepartment("西宁市国土资源局")
                .setNextDepartment(environment)
                .build());
        assertEquals(environment, stepped.getCurrentDepartment());
        assertEquals(3, stepped.getSteps(1).getWorkingDaysUsed(), "Sep 21, 22, 25");
        assertEquals("2017-09-25", stepped.getSteps(1).getOn());
        assertEquals(
                "VERSION_CONFLICT",
                fails(() -> xining.recordApprovalStep(RecordApprovalStepRequest.newBuilder()
                                .setProjectId(p.getId())
                                .setVersion(p.getVersion())
                                .setStepName("节能审查")
                                .setDepartment("x")
                                .build()))
                        .reason());

        EnterpriseCostTestSupport.today().set(LocalDate.of(2017, 10, 18));
        assertTrue(
                overdue(xining, "2017-10-17", "").getProjectsList().stream()
                        .noneMatch(o -> o.getId().equals(p.getId())),
                "on the due day itself the project is not overdue (15 working days, inclusive)");
        ListOverdueInvestmentProjectsResponse late = overdue(xining, "2017-10-18", environment);
        assertEquals(
                List.of(p.getId()),
                late.getProjectsList().stream().map(InvestmentProject::getId).toList());
        assertTrue(late.getProjects(0).getOverdue());
        assertEquals(16, late.getProjects(0).getWorkingDaysUsed());
        assertTrue(
                late.getByDepartmentList().stream()
                        .anyMatch(d -> d.getDepartment().equals(environment) && d.getCount() == 1),
                late.toString());
        assertTrue(overdue(xining, "2017-10-18", lead).getProjectsList().isEmpty(), "the file is held by 环保局");
        assertTrue(
                overdue(haixi, "2017-10-18", "").getProjectsList().stream()
                        .noneMatch(o -> o.getId().equals(p.getId())),
                "outside 海西's region");
        assertEquals(
                Status.Code.NOT_FOUND,
                fails(() -> haixi.getInvestmentProject(GetInvestmentProjectRequest.newBuilder()
                                .setId(p.getId())
                                .build()))
                        .code());
        assertEquals(
                Status.Code.NOT_FOUND,
                fails(() -> reviewer.getInvestmentProject(GetInvestmentProjectRequest.newBuilder()
                                .setId(p.getId())
                                .build()))
                        .code(),
                "other roles: not revealed");
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                fails(() -> haixi.recordApprovalStep(RecordApprovalStepRequest.newBuilder()
                                .setProjectId(p.getId())
                                .setVersion(stepped.getVersion())
                                .setStepName("x")
                                .setDepartment("x")
                                .build()))
                        .reason());

        InvestmentProject decided = xining.decideInvestmentProject(DecideInvestmentProjectRequest.newBuilder()
                .setProjectId(p.getId())
                .setVersion(stepped.getVersion())
                .setApproved(true)
                .setNote("西发改核准〔2017〕1号")
                .build());
        assertEquals(InvestmentProjectStatus.PROJECT_APPROVED, decided.getStatus());
        assertEquals("2017-10-18", decided.getDecidedOn());
        assertTrue(decided.getOverdue(), "decided one working day late");
        assertEquals(3, decided.getStepsCount());
        assertEquals(
                "ALREADY_DECIDED",
                fails(() -> xining.decideInvestmentProject(DecideInvestmentProjectRequest.newBuilder()
                                .setProjectId(p.getId())
                                .setVersion(decided.getVersion())
                                .setApproved(false)
                                .setNote("x")
                                .build()))
                        .reason());
        assertTrue(overdue(xining, "2017-10-18", environment).getProjectsList().isEmpty(), "decided: off the list");
    }

    @Test
    void decidedOnTheFifteenthWorkingDayIsOnTime() {
        EnterpriseCostTestSupport.today().set(LocalDate.of(2017, 10, 17));
        String run = UUID.randomUUID().toString().substring(0, 8);
        InvestmentProject p = xining.registerInvestmentProject(
                project("ip-" + run, "湟中县发展改革局-" + run).build());
        InvestmentProject decided = xining.decideInvestmentProject(DecideInvestmentProjectRequest.newBuilder()
                .setProjectId(p.getId())
                .setVersion(p.getVersion())
                .setApproved(false)
                .setDecidedOn("2017-10-17")
                .setNote("不符合产业政策")
                .build());
        assertEquals(InvestmentProjectStatus.PROJECT_REFUSED, decided.getStatus());
        assertEquals(15, decided.getWorkingDaysUsed());
        assertFalse(decided.getOverdue());
    }

    @Test
    void roleRegionAndEveryInvalidField() {
        EnterpriseCostTestSupport.today().set(LocalDate.of(2017, 9, 20));
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                fails(() -> reviewer.registerInvestmentProject(
                                project("ip-" + UUID.randomUUID(), "d").build()))
                        .code());
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                fails(() -> anonymous.registerInvestmentProject(
                                project("ip-" + UUID.randomUUID(), "d").build()))
                        .code());
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                fails(() -> haixi.registerInvestmentProject(
                                project("ip-" + UUID.randomUUID(), "d").build()))
                        .reason());
        GrpcErrorDetails bad =
                fails(() -> xining.registerInvestmentProject(RegisterInvestmentProjectRequest.newBuilder()
                        .setRequestId("ip-" + UUID.randomUUID())
                        .setEnterpriseCreditCode("91630100000000000A")
                        .setRegion("110000")
                        .setReceivedOn("2017-09-21")
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.code());
        assertEquals(
                List.of("projectCode", "projectName", "enterpriseCreditCode", "region", "department", "receivedOn"),
                bad.fields());
        String run = UUID.randomUUID().toString().substring(0, 8);
        InvestmentProject p = xining.registerInvestmentProject(
                project("ip-" + run, "d-" + run).build());
        GrpcErrorDetails step = fails(() -> xining.recordApprovalStep(RecordApprovalStepRequest.newBuilder()
                .setProjectId(p.getId())
                .setCompletedOn("2017-09-19")
                .build()));
        assertEquals(List.of("version", "stepName", "department", "completedOn"), step.fields());
        assertEquals(
                List.of("note"),
                fails(() -> xining.decideInvestmentProject(DecideInvestmentProjectRequest.newBuilder()
                                .setProjectId(p.getId())
                                .setVersion(p.getVersion())
                                .setApproved(false)
                                .build()))
                        .fields());
    }

    private static GrpcErrorDetails fails(Executable call) {
        return GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, call));
    }
}
