package cn.gov.qinghai.retail.grpc;

import static cn.gov.qinghai.kit.grpc.Replies.reply;

import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.retail.service.BrandService;
import cn.gov.qinghai.retail.service.ColdChainService;
import cn.gov.qinghai.retail.service.EnterpriseService;
import cn.gov.qinghai.retail.service.OutletService;
import cn.gov.qinghai.retail.service.PalletPilotService;
import cn.gov.qinghai.retail.service.RecallService;
import cn.gov.qinghai.retail.service.RuralService;
import cn.gov.qinghai.retail.service.StatisticsService;
import cn.gov.qinghai.retail.service.TraceRecorder;
import cn.gov.qinghai.retail.service.TraceService;
import cn.gov.qinghai.retail.v1.AcknowledgeAlertRequest;
import cn.gov.qinghai.retail.v1.Brand;
import cn.gov.qinghai.retail.v1.DecideSubsidyApplicationRequest;
import cn.gov.qinghai.retail.v1.EnrolPalletPilotRequest;
import cn.gov.qinghai.retail.v1.Enterprise;
import cn.gov.qinghai.retail.v1.Excursion;
import cn.gov.qinghai.retail.v1.GetEnterpriseRequest;
import cn.gov.qinghai.retail.v1.GetRecallReachRequest;
import cn.gov.qinghai.retail.v1.GetRetailAggregatesRequest;
import cn.gov.qinghai.retail.v1.GetTownshipCoverageRequest;
import cn.gov.qinghai.retail.v1.GetTraceRequest;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.ListBrandsRequest;
import cn.gov.qinghai.retail.v1.ListBrandsResponse;
import cn.gov.qinghai.retail.v1.ListExcursionsRequest;
import cn.gov.qinghai.retail.v1.ListExcursionsResponse;
import cn.gov.qinghai.retail.v1.ListFormatsRequest;
import cn.gov.qinghai.retail.v1.ListFormatsResponse;
import cn.gov.qinghai.retail.v1.ListOpenAlertsRequest;
import cn.gov.qinghai.retail.v1.ListOpenAlertsResponse;
import cn.gov.qinghai.retail.v1.ListOutletsRequest;
import cn.gov.qinghai.retail.v1.ListOutletsResponse;
import cn.gov.qinghai.retail.v1.MonthlyReport;
import cn.gov.qinghai.retail.v1.Outlet;
import cn.gov.qinghai.retail.v1.PalletPilot;
import cn.gov.qinghai.retail.v1.Recall;
import cn.gov.qinghai.retail.v1.RecallBatchRequest;
import cn.gov.qinghai.retail.v1.RecallReach;
import cn.gov.qinghai.retail.v1.RecogniseBrandRequest;
import cn.gov.qinghai.retail.v1.RecordTraceEventRequest;
import cn.gov.qinghai.retail.v1.RegisterEnterpriseRequest;
import cn.gov.qinghai.retail.v1.RegisterOutletRequest;
import cn.gov.qinghai.retail.v1.RegisterServicePointRequest;
import cn.gov.qinghai.retail.v1.RegisterShipmentRequest;
import cn.gov.qinghai.retail.v1.RetailAggregates;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.ServicePoint;
import cn.gov.qinghai.retail.v1.Shipment;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import cn.gov.qinghai.retail.v1.SubmitMonthlyReportRequest;
import cn.gov.qinghai.retail.v1.SubmitSubsidyApplicationRequest;
import cn.gov.qinghai.retail.v1.SubsidyApplication;
import cn.gov.qinghai.retail.v1.TownshipCoverage;
import cn.gov.qinghai.retail.v1.Trace;
import cn.gov.qinghai.retail.v1.TraceEvent;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/**
 * The gRPC face of the retail service: maps each call to a service bean. Exceptions thrown here become the
 * platform error model in {@code PlatformServerInterceptor}.
 */
@Singleton
public class RetailEndpoint extends RetailServiceGrpc.RetailServiceImplBase {

    private final EnterpriseService enterprises;
    private final OutletService outlets;
    private final BrandService brands;
    private final PalletPilotService pallets;
    private final TraceRecorder recorder;
    private final TraceService trace;
    private final ColdChainService coldChain;
    private final RuralService rural;
    private final StatisticsService statistics;
    private final RecallService recalls;

    public RetailEndpoint(
            EnterpriseService enterprises,
            OutletService outlets,
            BrandService brands,
            PalletPilotService pallets,
            TraceRecorder recorder,
            TraceService trace,
            ColdChainService coldChain,
            RuralService rural,
            StatisticsService statistics,
            RecallService recalls) {
        this.recalls = recalls;
        this.enterprises = enterprises;
        this.outlets = outlets;
        this.brands = brands;
        this.pallets = pallets;
        this.recorder = recorder;
        this.trace = trace;
        this.coldChain = coldChain;
        this.rural = rural;
        this.statistics = statistics;
    }

    @Override
    public void registerEnterprise(RegisterEnterpriseRequest request, StreamObserver<Enterprise> out) {
        reply(out, enterprises.registerEnterprise(request));
    }

    @Override
    public void getEnterprise(GetEnterpriseRequest request, StreamObserver<Enterprise> out) {
        reply(out, enterprises.getEnterprise(request));
    }

    @Override
    public void registerOutlet(RegisterOutletRequest request, StreamObserver<Outlet> out) {
        reply(out, outlets.registerOutlet(request));
    }

    @Override
    public void listOutlets(ListOutletsRequest request, StreamObserver<ListOutletsResponse> out) {
        reply(out, outlets.listOutlets(request));
    }

    @Override
    public void listFormats(ListFormatsRequest request, StreamObserver<ListFormatsResponse> out) {
        reply(out, outlets.listFormats());
    }

    @Override
    public void recogniseBrand(RecogniseBrandRequest request, StreamObserver<Brand> out) {
        reply(out, brands.recogniseBrand(request));
    }

    @Override
    public void listBrands(ListBrandsRequest request, StreamObserver<ListBrandsResponse> out) {
        reply(out, brands.listBrands(request));
    }

    @Override
    public void enrolPalletPilot(EnrolPalletPilotRequest request, StreamObserver<PalletPilot> out) {
        reply(out, pallets.enrolPalletPilot(request));
    }

    @Override
    public void recordTraceEvent(RecordTraceEventRequest request, StreamObserver<TraceEvent> out) {
        reply(out, recorder.record(request));
    }

    @Override
    public void getTrace(GetTraceRequest request, StreamObserver<Trace> out) {
        reply(out, trace.trace(request));
    }

    @Override
    public void getRecallReach(GetRecallReachRequest request, StreamObserver<RecallReach> out) {
        reply(out, trace.recallReach(request));
    }

    @Override
    public void recallBatch(RecallBatchRequest request, StreamObserver<Recall> out) {
        reply(out, recalls.recall(request));
    }

    @Override
    public void registerShipment(RegisterShipmentRequest request, StreamObserver<Shipment> out) {
        reply(out, coldChain.registerShipment(request));
    }

    @Override
    public void listExcursions(ListExcursionsRequest request, StreamObserver<ListExcursionsResponse> out) {
        reply(out, coldChain.listExcursions(request));
    }

    @Override
    public void listOpenAlerts(ListOpenAlertsRequest request, StreamObserver<ListOpenAlertsResponse> out) {
        reply(out, coldChain.openAlerts(request));
    }

    @Override
    public void acknowledgeAlert(AcknowledgeAlertRequest request, StreamObserver<Excursion> out) {
        reply(out, coldChain.acknowledge(request));
    }

    @Override
    public void registerServicePoint(RegisterServicePointRequest request, StreamObserver<ServicePoint> out) {
        reply(out, rural.registerPoint(request));
    }

    @Override
    public void submitSubsidyApplication(
            SubmitSubsidyApplicationRequest request, StreamObserver<SubsidyApplication> out) {
        reply(out, rural.submit(request));
    }

    @Override
    public void decideSubsidyApplication(
            DecideSubsidyApplicationRequest request, StreamObserver<SubsidyApplication> out) {
        reply(out, rural.decide(request));
    }

    @Override
    public void getTownshipCoverage(GetTownshipCoverageRequest request, StreamObserver<TownshipCoverage> out) {
        reply(out, rural.coverage(request));
    }

    @Override
    public void submitMonthlyReport(SubmitMonthlyReportRequest request, StreamObserver<MonthlyReport> out) {
        reply(out, statistics.submit(request));
    }

    @Override
    public void getRetailAggregates(GetRetailAggregatesRequest request, StreamObserver<RetailAggregates> out) {
        reply(out, statistics.aggregates(request));
    }

    @Override
    public void exportRetailAggregates(GetRetailAggregatesRequest request, StreamObserver<CsvDocument> out) {
        reply(out, statistics.export(request));
    }

    @Override
    public StreamObserver<StreamReadingsRequest> streamReadings(StreamObserver<IngestSummary> out) {
        return new ReadingsStream(coldChain.newIngest(), out);
    }
}
