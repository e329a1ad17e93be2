package cn.gov.qinghai.gateway.health;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FHIR's error form on {@code /fhir}: an OperationOutcome (application/fhir+json) instead of problem+json, with the
 * HTTP status following the gRPC code as on {@code /api/v1}. A bad request lists every invalid field as its own
 * issue (expression = the parameter). Record-level denials arrive as one fixed PERMISSION_DENIED whether or not the
 * record exists, so they stay indistinguishable here too.
 */
@Singleton
public class OperationOutcomes {

    public static final MediaType FHIR_JSON = MediaType.of("application/fhir+json");
    private final JsonMapper json;

    OperationOutcomes(JsonMapper json) {
        this.json = json;
    }

    /** One issue: severity error, FHIR issue code, text, and optionally the parameter it is about. */
    public record Issue(String code, String diagnostics, String expression) {}

    public HttpResponse<String> error(HttpStatus status, List<Issue> issues) {
        List<Object> list = new ArrayList<>();
        for (Issue i : issues) {
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("severity", "error");
            issue.put("code", i.code());
            issue.put("diagnostics", i.diagnostics());
            if (i.expression() != null) {
                issue.put("expression", List.of(i.expression()));
            }
            list.add(issue);
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("resourceType", "OperationOutcome");
        outcome.put("issue", list);
        try {
            return HttpResponse.<String>status(status)
                    .body(json.writeValueAsString(outcome))
                    .contentType(FHIR_JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> error(HttpStatus status, String code, String diagnostics, String expression) {
        return error(status, List.of(new Issue(code, diagnostics, expression)));
    }

    /** A failed call to the health-data service as an OperationOutcome. */
    public HttpResponse<String> of(StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        String message = e.getStatus().getDescription() == null
                ? code.name()
                : e.getStatus().getDescription();
        List<Issue> issues = new ArrayList<>();
        String reason = null;
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        if (details != null) {
            for (var any : details.getDetailsList()) {
                try {
                    if (any.is(BadRequest.class)) {
                        any.unpack(BadRequest.class)
                                .getFieldViolationsList()
                                .forEach(v -> issues.add(
                                        new Issue("invalid", v.getField() + ": " + v.getDescription(), v.getField())));
                    } else if (any.is(ErrorInfo.class)) {
                        reason = any.unpack(ErrorInfo.class).getReason();
                    }
                } catch (InvalidProtocolBufferException ignored) {
                    // a detail we cannot read adds nothing to the outcome
                }
            }
        }
        String text = reason == null ? message : reason + ": " + message;
        return switch (code) {
            case INVALID_ARGUMENT ->
                error(HttpStatus.BAD_REQUEST, issues.isEmpty() ? List.of(new Issue("invalid", text, null)) : issues);
            case NOT_FOUND -> error(HttpStatus.NOT_FOUND, "not-found", text, null);
            case PERMISSION_DENIED -> error(HttpStatus.FORBIDDEN, "forbidden", text, null);
            case UNAUTHENTICATED -> error(HttpStatus.UNAUTHORIZED, "login", text, null);
            case UNAVAILABLE, DEADLINE_EXCEEDED ->
                error(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "transient",
                        "the health-data service is not reachable; try again",
                        null);
            case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED -> error(HttpStatus.CONFLICT, "conflict", text, null);
            default -> error(HttpStatus.INTERNAL_SERVER_ERROR, "exception", "internal error", null);
        };
    }
}
