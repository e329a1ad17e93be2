package cn.gov.qinghai.enterprisecost.grpc;

import static cn.gov.qinghai.kit.grpc.Replies.reply;

import cn.gov.qinghai.enterprisecost.projects.InvestmentProjectService;
import cn.gov.qinghai.enterprisecost.service.ApplicationService;
import cn.gov.qinghai.enterprisecost.service.CalculatorReforms;
import cn.gov.qinghai.enterprisecost.service.CalculatorService;
import cn.gov.qinghai.enterprisecost.service.DeadlineService;
import cn.gov.qinghai.enterprisecost.service.LabourCostService;
import cn.gov.qinghai.enterprisecost.v1.Application;
import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.enterprisecost.v1.CalculatorDefinition;
import cn.gov.qinghai.enterprisecost.v1.CheckLabourCostRequest;
import cn.gov.qinghai.enterprisecost.v1.ComputeDeadlineRequest;
import cn.gov.qinghai.enterprisecost.v1.Deadline;
import cn.gov.qinghai.enterprisecost.v1.DecideApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.DecideInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.enterprisecost.v1.GetApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.GetCalculatorRequest;
import cn.gov.qinghai.enterprisecost.v1.GetInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.InvestmentProject;
import cn.gov.qinghai.enterprisecost.v1.LabourCostCheck;
import cn.gov.qinghai.enterprisecost.v1.ListApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListApplicationsResponse;
import cn.gov.qinghai.enterprisecost.v1.ListCalculatorsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListCalculatorsResponse;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueInvestmentProjectsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueInvestmentProjectsResponse;
import cn.gov.qinghai.enterprisecost.v1.RecordApprovalStepRequest;
import cn.gov.qinghai.enterprisecost.v1.RegisterInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.StartReviewRequest;
import cn.gov.qinghai.enterprisecost.v1.SubmitApplicationRequest;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/**
 * The gRPC face of the enterprise-cost service: hands each call to a service bean. Exceptions become the platform
 * error model in the kit's {@code PlatformServerInterceptor}.
 */
@Singleton
public class EnterpriseCostEndpoint extends EnterpriseCostServiceGrpc.EnterpriseCostServiceImplBase {

    private final CalculatorService calculators;
    /** Calculate with an optional reform beside the law (issue 24); field-injected, constructor kept. */
    @jakarta.inject.Inject
    CalculatorReforms reforms;

    private final LabourCostService labourCost;
    private final ApplicationService applications;
    private final DeadlineService deadlines;
    private final InvestmentProjectService projects;

    public EnterpriseCostEndpoint(
            CalculatorService calculators,
            LabourCostService labourCost,
            ApplicationService applications,
            DeadlineService deadlines,
            InvestmentProjectService projects) {
        this.calculators = calculators;
        this.labourCost = labourCost;
        this.applications = applications;
        this.deadlines = deadlines;
        this.projects = projects;
    }

    @Override
    public void listCalculators(ListCalculatorsRequest request, StreamObserver<ListCalculatorsResponse> out) {
        reply(out, calculators.list());
    }

    @Override
    public void getCalculator(GetCalculatorRequest request, StreamObserver<CalculatorDefinition> out) {
        reply(out, calculators.get(request.getId()));
    }

    @Override
    public void calculate(CalculateRequest request, StreamObserver<Calculation> out) {
        reply(out, reforms.calculate(request));
    }

    @Override
    public void checkLabourCost(CheckLabourCostRequest request, StreamObserver<LabourCostCheck> out) {
        reply(out, labourCost.check(request));
    }

    @Override
    public void submitApplication(SubmitApplicationRequest request, StreamObserver<Application> out) {
        reply(out, applications.submit(request));
    }

    @Override
    public void getApplication(GetApplicationRequest request, StreamObserver<Application> out) {
        reply(out, applications.get(request));
    }

    @Override
    public void listApplications(ListApplicationsRequest request, StreamObserver<ListApplicationsResponse> out) {
        reply(out, applications.list(request));
    }

    @Override
    public void startReview(StartReviewRequest request, StreamObserver<Application> out) {
        reply(out, applications.startReview(request));
    }

    @Override
    public void decideApplication(DecideApplicationRequest request, StreamObserver<Application> out) {
        reply(out, applications.decide(request));
    }

    @Override
    public void listOverdueApplications(
            ListOverdueApplicationsRequest request, StreamObserver<ListApplicationsResponse> out) {
        reply(out, applications.overdue(request));
    }

    @Override
    public void computeDeadline(ComputeDeadlineRequest request, StreamObserver<Deadline> out) {
        reply(out, deadlines.compute(request));
    }

    @Override
    public void registerInvestmentProject(
            RegisterInvestmentProjectRequest request, StreamObserver<InvestmentProject> out) {
        reply(out, projects.register(request));
    }

    @Override
    public void recordApprovalStep(RecordApprovalStepRequest request, StreamObserver<InvestmentProject> out) {
        reply(out, projects.recordStep(request));
    }

    @Override
    public void decideInvestmentProject(DecideInvestmentProjectRequest request, StreamObserver<InvestmentProject> out) {
        reply(out, projects.decide(request));
    }

    @Override
    public void getInvestmentProject(GetInvestmentProjectRequest request, StreamObserver<InvestmentProject> out) {
        reply(out, projects.get(request));
    }

    @Override
    public void listOverdueInvestmentProjects(
            ListOverdueInvestmentProjectsRequest request, StreamObserver<ListOverdueInvestmentProjectsResponse> out) {
        reply(out, projects.overdue(request));
    }
}
