package cn.gov.qinghai.dibao.grpc;

import static cn.gov.qinghai.kit.grpc.Replies.reply;

import cn.gov.qinghai.dibao.service.CaseService;
import cn.gov.qinghai.dibao.service.CountyPaymentMethodService;
import cn.gov.qinghai.dibao.service.CountyStandardService;
import cn.gov.qinghai.dibao.service.CrossMatchService;
import cn.gov.qinghai.dibao.service.DibaoReforms;
import cn.gov.qinghai.dibao.service.EstimateService;
import cn.gov.qinghai.dibao.service.IntakeReportService;
import cn.gov.qinghai.dibao.service.MedicalAssistanceService;
import cn.gov.qinghai.dibao.service.RosterService;
import cn.gov.qinghai.dibao.service.TemporaryAssistanceService;
import cn.gov.qinghai.dibao.v1.ApproveTemporaryAssistanceRequest;
import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.CountyPaymentMethod;
import cn.gov.qinghai.dibao.v1.CountyStandard;
import cn.gov.qinghai.dibao.v1.CrossMatchReport;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DecideIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.ExitCaseRequest;
import cn.gov.qinghai.dibao.v1.GetCaseRequest;
import cn.gov.qinghai.dibao.v1.GetCountyPaymentMethodRequest;
import cn.gov.qinghai.dibao.v1.GetCountyStandardRequest;
import cn.gov.qinghai.dibao.v1.GetCrossMatchReportRequest;
import cn.gov.qinghai.dibao.v1.GetIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.GetPaymentRosterRequest;
import cn.gov.qinghai.dibao.v1.IntakeReport;
import cn.gov.qinghai.dibao.v1.ListCasesRequest;
import cn.gov.qinghai.dibao.v1.ListCasesResponse;
import cn.gov.qinghai.dibao.v1.ListIntakeReportsRequest;
import cn.gov.qinghai.dibao.v1.ListIntakeReportsResponse;
import cn.gov.qinghai.dibao.v1.ListPublicRecipientsRequest;
import cn.gov.qinghai.dibao.v1.ListPublicRecipientsResponse;
import cn.gov.qinghai.dibao.v1.MedicalAssistance;
import cn.gov.qinghai.dibao.v1.MedicalAssistanceRequest;
import cn.gov.qinghai.dibao.v1.PaymentRoster;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.dibao.v1.PublishCountyPaymentMethodRequest;
import cn.gov.qinghai.dibao.v1.PublishCountyStandardRequest;
import cn.gov.qinghai.dibao.v1.SubmitApplicationRequest;
import cn.gov.qinghai.dibao.v1.SubmitIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.TemporaryAssistance;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/**
 * The gRPC face of the dibao service: hands each call to a service bean. Exceptions thrown here become the platform
 * error model in {@code PlatformServerInterceptor}.
 */
@Singleton
public class DibaoEndpoint extends DibaoServiceGrpc.DibaoServiceImplBase {

    private final EstimateService estimates;
    /** The public calculators with an optional reform beside the law (issue 24); field-injected, constructor kept. */
    @jakarta.inject.Inject
    DibaoReforms reforms;
    /** The caseload simulation (issue 24); field-injected like the reforms, constructor kept. */
    @jakarta.inject.Inject
    cn.gov.qinghai.dibao.service.CaseloadSimulationService simulations;

    private final CaseService cases;
    private final CountyStandardService standards;
    private final RosterService rosters;
    private final TemporaryAssistanceService temporary;
    private final CrossMatchService crossMatch;
    private final MedicalAssistanceService medical;
    private final CountyPaymentMethodService paymentMethods;
    private final IntakeReportService intake;

    public DibaoEndpoint(
            EstimateService estimates,
            CaseService cases,
            CountyStandardService standards,
            RosterService rosters,
            TemporaryAssistanceService temporary,
            CrossMatchService crossMatch,
            MedicalAssistanceService medical,
            CountyPaymentMethodService paymentMethods,
            IntakeReportService intake) {
        this.intake = intake;
        this.paymentMethods = paymentMethods;
        this.medical = medical;
        this.crossMatch = crossMatch;
        this.estimates = estimates;
        this.cases = cases;
        this.standards = standards;
        this.rosters = rosters;
        this.temporary = temporary;
    }

    @Override
    public void estimateBenefit(EstimateBenefitRequest request, StreamObserver<BenefitEstimate> out) {
        reply(out, reforms.estimate(request));
    }

    @Override
    public void submitApplication(SubmitApplicationRequest request, StreamObserver<Case> out) {
        reply(out, cases.submit(request));
    }

    @Override
    public void getCase(GetCaseRequest request, StreamObserver<Case> out) {
        reply(out, cases.get(request));
    }

    @Override
    public void listCases(ListCasesRequest request, StreamObserver<ListCasesResponse> out) {
        reply(out, cases.list(request));
    }

    @Override
    public void decideCase(DecideCaseRequest request, StreamObserver<Case> out) {
        reply(out, cases.decide(request));
    }

    @Override
    public void exitCase(ExitCaseRequest request, StreamObserver<Case> out) {
        reply(out, cases.exit(request));
    }

    @Override
    public void publishCountyStandard(PublishCountyStandardRequest request, StreamObserver<CountyStandard> out) {
        reply(out, standards.publish(request));
    }

    @Override
    public void getCountyStandard(GetCountyStandardRequest request, StreamObserver<CountyStandard> out) {
        reply(out, standards.get(request));
    }

    @Override
    public void getPaymentRoster(GetPaymentRosterRequest request, StreamObserver<PaymentRoster> out) {
        reply(out, rosters.roster(request));
    }

    @Override
    public void approveTemporaryAssistance(
            ApproveTemporaryAssistanceRequest request, StreamObserver<TemporaryAssistance> out) {
        reply(out, temporary.approve(request));
    }

    @Override
    public void listPublicRecipients(
            ListPublicRecipientsRequest request, StreamObserver<ListPublicRecipientsResponse> out) {
        reply(out, rosters.publicList(request));
    }

    @Override
    public StreamObserver<PovertyRosterChunk> importPovertyRoster(StreamObserver<PovertyRosterImport> out) {
        return crossMatch.importRoster(out);
    }

    @Override
    public void getCrossMatchReport(GetCrossMatchReportRequest request, StreamObserver<CrossMatchReport> out) {
        reply(out, crossMatch.report(request));
    }

    @Override
    public void calculateMedicalAssistance(MedicalAssistanceRequest request, StreamObserver<MedicalAssistance> out) {
        reply(out, reforms.calculate(request));
    }

    @Override
    public void publishCountyPaymentMethod(
            PublishCountyPaymentMethodRequest request, StreamObserver<CountyPaymentMethod> out) {
        reply(out, paymentMethods.publish(request));
    }

    @Override
    public void getCountyPaymentMethod(GetCountyPaymentMethodRequest request, StreamObserver<CountyPaymentMethod> out) {
        reply(out, paymentMethods.get(request));
    }

    @Override
    public void submitIntakeReport(SubmitIntakeReportRequest request, StreamObserver<IntakeReport> out) {
        reply(out, intake.submit(request));
    }

    @Override
    public void decideIntakeReport(DecideIntakeReportRequest request, StreamObserver<IntakeReport> out) {
        reply(out, intake.decide(request));
    }

    @Override
    public void getIntakeReport(GetIntakeReportRequest request, StreamObserver<IntakeReport> out) {
        reply(out, intake.get(request));
    }

    @Override
    public void listIntakeReports(ListIntakeReportsRequest request, StreamObserver<ListIntakeReportsResponse> out) {
        reply(out, intake.list(request));
    }

    @Override
    public void simulateCaseload(
            cn.gov.qinghai.dibao.v1.SimulateCaseloadRequest request,
            StreamObserver<cn.gov.qinghai.dibao.v1.CaseloadSimulation> out) {
        reply(out, simulations.simulate(request));
    }

    @Override
    public void exportCaseloadSimulation(
            cn.gov.qinghai.dibao.v1.SimulateCaseloadRequest request,
            StreamObserver<cn.gov.qinghai.dibao.v1.CaseloadSimulationCsv> out) {
        reply(out, simulations.csv(request));
    }
}
