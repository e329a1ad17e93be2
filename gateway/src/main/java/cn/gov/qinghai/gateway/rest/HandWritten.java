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
    public static final Map<String, String> RPCS = Map.of(
            "qinghai.health.v1.HealthDataService.ExportResidentFhir",
            "answers application/fhir+json (the FHIR Bundle as sent by the service): health/HealthDataController",
            "qinghai.broadband.v1.BroadbandService.GetMonthlyReport",
            "shares /reports/{month} with the CSV download /reports/{month}.csv: broadband/BroadbandController",
            "qinghai.retail.v1.RetailService.ExportRetailAggregates",
            "a CSV download (text/csv with Content-Disposition): retail/RetailController",
            "qinghai.dibao.v1.DibaoService.ImportPovertyRoster",
            "a client stream fed from a text/csv upload: dibao/DibaoController",
            "qinghai.retail.v1.RetailService.StreamReadings",
            "a client stream fed from a JSON list of readings: retail/RetailController",
            "qinghai.wage.v1.WageService.StreamCompliance",
            "a bidirectional stream behind the portal's payroll CSV upload (no REST route)");

    private HandWritten() {
    }
}
