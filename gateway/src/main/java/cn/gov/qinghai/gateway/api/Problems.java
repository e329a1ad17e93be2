package cn.gov.qinghai.gateway.api;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Builds problem+json responses, including from a gRPC failure's {@code google.rpc.Status} details. */
public final class Problems {

    private Problems() {}

    /** HTTP status for a gRPC status code (see ARCHITECTURE.md "Contracts"). */
    public static HttpStatus httpStatus(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED -> HttpStatus.CONFLICT;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case RESOURCE_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case DEADLINE_EXCEEDED -> HttpStatus.GATEWAY_TIMEOUT;
            case UNIMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public static MutableHttpResponse<Problem> fromGrpc(
            HttpRequest<?> request, StatusRuntimeException e, String service) {
        Status.Code code = e.getStatus().getCode();
        HttpStatus status = httpStatus(code);
        String reason = code.name();
        List<Problem.InvalidField> errors = new ArrayList<>();
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        if (details != null) {
            for (Any any : details.getDetailsList()) {
                try {
                    if (any.is(ErrorInfo.class)) {
                        reason = any.unpack(ErrorInfo.class).getReason();
                    } else if (any.is(BadRequest.class)) {
                        any.unpack(BadRequest.class)
                                .getFieldViolationsList()
                                .forEach(v -> errors.add(new Problem.InvalidField(v.getField(), v.getDescription())));
                    }
                } catch (InvalidProtocolBufferException ignored) {
                    // a malformed detail is dropped; the status and message still reach the client
                }
            }
        }
        String detail = switch (code) {
            case UNAVAILABLE -> "the " + service + " service is unavailable; try again shortly";
            case DEADLINE_EXCEEDED -> "the " + service + " service did not answer in time";
            case INTERNAL, UNKNOWN, DATA_LOSS -> "internal error in the " + service + " service; quote the request id";
            default -> e.getStatus().getDescription();
        };
        return of(request, status, reason, detail, errors);
    }

    public static MutableHttpResponse<Problem> of(
            HttpRequest<?> request,
            HttpStatus status,
            String reason,
            String detail,
            List<Problem.InvalidField> errors) {
        String requestId = RequestIdFilter.requestId(request);
        Problem problem = new Problem(
                "about:blank",
                status.getReason(),
                status.getCode(),
                detail,
                request.getPath(),
                reason,
                requestId,
                errors);
        MutableHttpResponse<Problem> response =
                HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
        if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
            response.header("Retry-After", "1");
        }
        return response;
    }
}
