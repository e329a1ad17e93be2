package cn.gov.qinghai.broadband.grpc;

import static cn.gov.qinghai.kit.grpc.Replies.reply;

import cn.gov.qinghai.broadband.service.ConsumptionService;
import cn.gov.qinghai.broadband.service.IndicatorService;
import cn.gov.qinghai.broadband.service.MonthlyReportService;
import cn.gov.qinghai.broadband.service.ProgressReportService;
import cn.gov.qinghai.broadband.service.ProjectService;
import cn.gov.qinghai.broadband.service.ReconciliationService;
import cn.gov.qinghai.broadband.service.SummaryService;
import cn.gov.qinghai.broadband.v1.*;
import cn.gov.qinghai.common.v1.CsvDocument;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/**
 * The gRPC face of the broadband service: hands each call to a service bean. Exceptions thrown here become the
 * platform error model in {@code PlatformServerInterceptor}.
 */
@Singleton
public class BroadbandEndpoint extends BroadbandServiceGrpc.BroadbandServiceImplBase {

    private final ProjectService projects;
    private final ProgressReportService reports;
    private final SummaryService summary;
    private final IndicatorService indicators;
    private final ConsumptionService consumption;
    private final ReconciliationService reconciliation;
    private final MonthlyReportService monthly;

    public BroadbandEndpoint(
            ProjectService projects,
            ProgressReportService reports,
            SummaryService summary,
            IndicatorService indicators,
            ConsumptionService consumption,
            ReconciliationService reconciliation,
            MonthlyReportService monthly) {
        this.projects = projects;
        this.reports = reports;
        this.summary = summary;
        this.indicators = indicators;
        this.consumption = consumption;
        this.reconciliation = reconciliation;
        this.monthly = monthly;
    }

    @Override
    public void listProjects(ListProjectsRequest request, StreamObserver<ListProjectsResponse> out) {
        reply(out, projects.list(request));
    }

    @Override
    public void getProjectProgress(GetProjectProgressRequest request, StreamObserver<ProjectProgress> out) {
        reply(out, projects.progress(request));
    }

    @Override
    public void submitProgressReport(SubmitProgressReportRequest request, StreamObserver<ProgressReport> out) {
        reply(out, reports.submit(request));
    }

    @Override
    public void listProgressReports(
            ListProgressReportsRequest request, StreamObserver<ListProgressReportsResponse> out) {
        reply(out, reports.list(request));
    }

    @Override
    public void getInvestmentSummary(GetInvestmentSummaryRequest request, StreamObserver<InvestmentSummary> out) {
        reply(out, summary.summary(request));
    }

    @Override
    public void listIndicators(ListIndicatorsRequest request, StreamObserver<ListIndicatorsResponse> out) {
        reply(out, indicators.list(request));
    }

    @Override
    public void recordIndicatorActual(RecordIndicatorActualRequest request, StreamObserver<IndicatorActual> out) {
        reply(out, indicators.record(request));
    }

    @Override
    public void getConsumptionTargets(GetConsumptionTargetsRequest request, StreamObserver<ConsumptionTargets> out) {
        reply(out, consumption.targets(request));
    }

    @Override
    public void recordConsumptionActual(RecordConsumptionActualRequest request, StreamObserver<ConsumptionActual> out) {
        reply(out, consumption.record(request));
    }

    @Override
    public void getReconciliation(GetReconciliationRequest request, StreamObserver<Reconciliation> out) {
        reply(out, reconciliation.reconcile());
    }

    @Override
    public void getMonthlyReport(GetMonthlyReportRequest request, StreamObserver<MonthlyReport> out) {
        reply(out, monthly.report(request));
    }

    @Override
    public void getMonthlyReportCsv(GetMonthlyReportRequest request, StreamObserver<CsvDocument> out) {
        reply(out, monthly.csv(request));
    }
}
