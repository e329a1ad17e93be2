package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.api.v1.AccessProto;
import cn.gov.qinghai.dibao.v1.CaseloadSimulationCsv;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.DibaoServiceProto;
import cn.gov.qinghai.dibao.v1.SimulateCaseloadRequest;
import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.TimeUnit;

/**
 * The dibao routes the REST transcoder cannot serve (docs/api.md, {@code HandWritten}): the poverty-roster import, a
 * client stream fed from a streamed text/csv upload, and the caseload simulation's CSV download (text/csv with a file
 * name). Every other dibao route comes from the contract's bindings, the simulation's JSON included (its 60 s deadline
 * is the contract's {@code access.deadline_seconds}).
 */
@Controller("/api/v1/dibao")
@Tag(name = "dibao", description = "Rural minimum living guarantee (青政办〔2017〕86号)")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DibaoController {

    /** A registry import of a million rows takes tens of seconds (measured 26 s): a long deadline of its own. */
    private static final long IMPORT_DEADLINE_MS = 180_000;

    private static final String SERVICE = "dibao";
    /** The CSV simulation's deadline, as the contract sets it (access.deadline_seconds: a million cases take seconds). */
    private static final long SIMULATION_DEADLINE_MS = TimeUnit.SECONDS.toMillis(DibaoServiceProto.getDescriptor()
            .findServiceByName("DibaoService")
            .findMethodByName("ExportCaseloadSimulation")
            .getOptions()
            .getExtension(AccessProto.access)
            .getDeadlineSeconds());

    private final DibaoServiceGrpc.DibaoServiceStub dibaoAsync;
    private final DibaoServiceGrpc.DibaoServiceBlockingStub dibao;
    private final Downstream downstream;
    private final GrpcJson json;

    DibaoController(
            DibaoServiceGrpc.DibaoServiceStub dibaoAsync,
            DibaoServiceGrpc.DibaoServiceBlockingStub dibao,
            Downstream downstream,
            GrpcJson json) {
        this.dibao = dibao;
        this.dibaoAsync = dibaoAsync;
        this.downstream = downstream;
        this.json = json;
    }

    @Post(
            uri = "/poverty-roster-imports",
            consumes = {"text/csv", MediaType.TEXT_PLAIN},
            produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Import the poverty registry (建档立卡) roster as CSV (三(一), role dibao:poverty-office)",
            description = "Body: text/csv, lines \"id_number,name,county\", optional header. Bad rows are reported "
                    + "with their line numbers and skipped, good rows kept; a completed import replaces the previous "
                    + "one. Streamed to the service in 1 MiB chunks.")
    public HttpResponse<String> importRoster(HttpRequest<?> request, @Body byte[] csv) {
        return HttpResponse.ok(
                        json.print(RosterUpload.send(downstream.prepare(request, dibaoAsync), csv, IMPORT_DEADLINE_MS)))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(uri = "/caseload-simulations.csv", consumes = MediaType.APPLICATION_JSON, produces = "text/csv")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The same simulation as CSV (UTF-8, header row, one row per county and class, then ALL)")
    public HttpResponse<String> simulateCsv(HttpRequest<?> request, @Body String body) {
        SimulateCaseloadRequest r =
                json.parse(body, SimulateCaseloadRequest.newBuilder()).build();
        CaseloadSimulationCsv csv =
                downstream.call(SERVICE, request, dibao, SIMULATION_DEADLINE_MS, s -> s.exportCaseloadSimulation(r));
        return HttpResponse.ok(csv.getContent())
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + csv.getFilename() + "\"");
    }
}
