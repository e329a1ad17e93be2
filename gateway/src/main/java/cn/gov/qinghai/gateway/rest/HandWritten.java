package cn.gov.qinghai.gateway.rest;

import java.util.Map;

/**
 * The short, named list of RPCs whose REST route stays a hand-written controller method, with the reason. Each is
 * something a JSON transcoder cannot express; everything else is served by {@link TranscodingController}.
 * Client-streaming RPCs (the poverty-roster CSV import, the cold-chain readings upload, the payroll stream) have no
 * binding and are never transcoded; they are listed here too so the list is complete.
 */
public final class HandWritten {

    /** RPC full name → why it is hand-written, and where. */
    public static final Map<String, String> RPCS = Map.ofEntries(
            Map.entry(
                    "qinghai.health.v1.HealthDataService.ExportResidentFhir",
                    "answers application/fhir+json (the FHIR Bundle as sent by the service): health/HealthDataController"),
            Map.entry(
                    "qinghai.broadband.v1.BroadbandService.GetMonthlyReport",
                    "shares /reports/{month} with the CSV download /reports/{month}.csv: broadband/BroadbandController"),
            Map.entry(
                    "qinghai.retail.v1.RetailService.ExportRetailAggregates",
                    "a CSV download (text/csv with Content-Disposition): retail/RetailController"),
            Map.entry(
                    "qinghai.dibao.v1.DibaoService.ImportPovertyRoster",
                    "a client stream fed from a text/csv upload: dibao/DibaoController"),
            Map.entry(
                    "qinghai.dibao.v1.DibaoService.ExportCaseloadSimulation",
                    "a CSV download (text/csv with Content-Disposition): dibao/DibaoController"),
            Map.entry(
                    "qinghai.retail.v1.RetailService.StreamReadings",
                    "a client stream fed from a JSON list of readings: retail/RetailController"),
            Map.entry(
                    "qinghai.wage.v1.WageService.StreamCompliance",
                    "a bidirectional stream behind the portal's payroll CSV upload (no REST route)"),
            Map.entry(
                    "qinghai.hotline.v1.HotlineService.GetSupervisionReport",
                    "shares /reports/{period} with the CSV download /reports/{period}.csv: hotline/HotlineReportsController"),
            Map.entry(
                    "qinghai.hotline.v1.HotlineService.GetSupervisionReportCsv",
                    "the CSV download /api/v1/hotline/reports/{period}.csv (no binding): hotline/HotlineReportsController"),
            Map.entry(
                    "qinghai.hotline.v1.HotlineService.ListPublicTickets",
                    "served only as Open311 GeoReport v2 (/open311/v2, its own wire format, no binding): hotline/Open311Controller"),
            Map.entry(
                    "qinghai.health.v1.HealthDataService.GetFhirPatient",
                    "the FHIR R4 read API /fhir (application/fhir+json, OperationOutcome errors; also GetFhirPatientEverything, "
                            + "GetFhirCapabilityStatement, GetFhirDefinition, ListFhirAuditEvents; no bindings): "
                            + "health/FhirController"),
            Map.entry(
                    "qinghai.common.v1.ParametersService.ListParameters",
                    "/api/v1/parameters fans out to the ParametersService of every service and merges the answers (also "
                            + "GetParameter; no binding, no single RPC backs the route): parameters/ParametersController"));

    private HandWritten() {}
}
