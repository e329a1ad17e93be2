package cn.gov.qinghai.gateway.health;

import cn.gov.qinghai.gateway.api.Downstream;
import cn.gov.qinghai.gateway.api.GrpcJson;
import cn.gov.qinghai.health.v1.ExportResidentFhirRequest;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
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
import java.util.function.Function;

/**
 * The health-data route the REST transcoder cannot serve (docs/api.md, {@code HandWritten}): the FHIR export, which
 * answers application/fhir+json. Every other health-data route comes from the contract's bindings.
 */
@Controller("/api/v1/health-data")
@Tag(
        name = "health-data",
        description = "Resident health records, consent, audited access, open statistics and "
                + "infectious-disease early warning (青政办〔2017〕80号)")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class HealthDataController {

    private static final String SERVICE = "health-data";
    private final HealthDataServiceGrpc.HealthDataServiceBlockingStub health;
    private final Downstream downstream;
    private final GrpcJson json;

    HealthDataController(
            HealthDataServiceGrpc.HealthDataServiceBlockingStub health, Downstream downstream, GrpcJson json) {
        this.health = health;
        this.downstream = downstream;
        this.json = json;
    }

    @Post(uri = "/records/fhir", consumes = MediaType.APPLICATION_JSON, produces = "application/fhir+json")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(
            summary = "Export a resident's record as a FHIR R4 Bundle (Patient, Encounters, MedicationRequests)",
            description = "Body: {identityNumber, purpose}. Same access as reading the record; audited as EXPORT.")
    public HttpResponse<String> fhir(HttpRequest<?> request, @Body String body) {
        ExportResidentFhirRequest r =
                json.parse(body, ExportResidentFhirRequest.newBuilder()).build();
        return HttpResponse.ok(call(request, s -> s.exportResidentFhir(r)).getFhirJson())
                .contentType(MediaType.of("application/fhir+json"));
    }

    private <R> R call(HttpRequest<?> request, Function<HealthDataServiceGrpc.HealthDataServiceBlockingStub, R> call) {
        return downstream.call(SERVICE, request, health, call);
    }
}
