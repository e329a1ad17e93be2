package cn.gov.qinghai.healthdata.grpc;

import static cn.gov.qinghai.kit.grpc.Replies.reply;

import cn.gov.qinghai.health.v1.*;
import cn.gov.qinghai.healthdata.service.AuditService;
import cn.gov.qinghai.healthdata.service.ConsentService;
import cn.gov.qinghai.healthdata.service.DibaoExpenseService;
import cn.gov.qinghai.healthdata.service.ExportService;
import cn.gov.qinghai.healthdata.service.FhirService;
import cn.gov.qinghai.healthdata.service.RecordService;
import cn.gov.qinghai.healthdata.service.SearchService;
import cn.gov.qinghai.healthdata.service.StatisticsService;
import cn.gov.qinghai.healthdata.service.SurveillanceService;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/**
 * The gRPC face of the health-data service: hands each call to a service bean. Exceptions thrown here become the
 * platform error model in {@code PlatformServerInterceptor}.
 */
@Singleton
public class HealthDataEndpoint extends HealthDataServiceGrpc.HealthDataServiceImplBase {

    private final RecordService records;
    private final SearchService search;
    private final ConsentService consents;
    private final AuditService audit;
    private final ExportService export;
    private final FhirService fhir;
    private final DibaoExpenseService dibao;
    private final StatisticsService statistics;
    private final SurveillanceService surveillance;

    public HealthDataEndpoint(
            RecordService records,
            SearchService search,
            ConsentService consents,
            AuditService audit,
            ExportService export,
            FhirService fhir,
            DibaoExpenseService dibao,
            StatisticsService statistics,
            SurveillanceService surveillance) {
        this.records = records;
        this.search = search;
        this.consents = consents;
        this.audit = audit;
        this.export = export;
        this.fhir = fhir;
        this.dibao = dibao;
        this.statistics = statistics;
        this.surveillance = surveillance;
    }

    @Override
    public void registerResident(RegisterResidentRequest request, StreamObserver<Resident> out) {
        reply(out, records.register(request));
    }

    @Override
    public void getResidentRecord(GetResidentRecordRequest request, StreamObserver<ResidentRecord> out) {
        reply(out, records.read(request));
    }

    @Override
    public void addHealthRecordEntry(AddHealthRecordEntryRequest request, StreamObserver<HealthRecordEntry> out) {
        reply(out, records.addEntry(request));
    }

    @Override
    public void recordEncounter(RecordEncounterRequest request, StreamObserver<Encounter> out) {
        reply(out, records.recordEncounter(request));
    }

    @Override
    public void searchEncounters(SearchEncountersRequest request, StreamObserver<SearchEncountersResponse> out) {
        reply(out, search.search(request));
    }

    @Override
    public void grantConsent(GrantConsentRequest request, StreamObserver<Consent> out) {
        reply(out, consents.grant(request));
    }

    @Override
    public void revokeConsent(RevokeConsentRequest request, StreamObserver<Consent> out) {
        reply(out, consents.revoke(request));
    }

    @Override
    public void listConsents(ListConsentsRequest request, StreamObserver<ListConsentsResponse> out) {
        reply(out, consents.list(request));
    }

    @Override
    public void listRecordAccesses(ListRecordAccessesRequest request, StreamObserver<ListRecordAccessesResponse> out) {
        reply(out, audit.accesses(request));
    }

    @Override
    public void verifyAuditChain(VerifyAuditChainRequest request, StreamObserver<VerifyAuditChainResponse> out) {
        reply(out, audit.verify());
    }

    @Override
    public void exportResidentFhir(ExportResidentFhirRequest request, StreamObserver<ExportResidentFhirResponse> out) {
        reply(out, export.export(request));
    }

    @Override
    public void getFhirCapabilityStatement(
            GetFhirCapabilityStatementRequest request, StreamObserver<FhirResource> out) {
        reply(out, fhir.capabilityStatement(request));
    }

    @Override
    public void getFhirDefinition(GetFhirDefinitionRequest request, StreamObserver<FhirResource> out) {
        reply(out, fhir.definition(request));
    }

    @Override
    public void getFhirPatient(GetFhirPatientRequest request, StreamObserver<FhirResource> out) {
        reply(out, fhir.patient(request));
    }

    @Override
    public void getFhirPatientEverything(GetFhirPatientEverythingRequest request, StreamObserver<FhirResource> out) {
        reply(out, fhir.everything(request));
    }

    @Override
    public void listFhirAuditEvents(ListFhirAuditEventsRequest request, StreamObserver<FhirResource> out) {
        reply(out, audit.fhirEvents(request));
    }

    @Override
    public void getMajorMedicalExpenses(
            GetMajorMedicalExpensesRequest request, StreamObserver<MajorMedicalExpenses> out) {
        reply(out, dibao.get(request));
    }

    @Override
    public void getOpenStatistics(GetOpenStatisticsRequest request, StreamObserver<StatisticsTable> out) {
        reply(out, statistics.table(request));
    }

    @Override
    public void reportInfectiousCase(ReportInfectiousCaseRequest request, StreamObserver<CaseReport> out) {
        reply(out, surveillance.report(request));
    }

    @Override
    public void getEarlyWarnings(GetEarlyWarningsRequest request, StreamObserver<GetEarlyWarningsResponse> out) {
        reply(out, surveillance.warnings(request));
    }
}
