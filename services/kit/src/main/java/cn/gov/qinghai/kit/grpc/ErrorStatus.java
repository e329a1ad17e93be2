package cn.gov.qinghai.kit.grpc;

import cn.gov.qinghai.kit.params.ParameterLookupException;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RequestInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Builds the platform's error model (AIP-193): {@code google.rpc.Status} with one {@code ErrorInfo}, a
 * {@code BadRequest} for invalid fields, and a {@code RequestInfo} carrying the request id.
 */
public final class ErrorStatus {

    private ErrorStatus() {}

    public static StatusRuntimeException toStatusException(ServiceException e, String domain, String requestId) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(e.code().value())
                .setMessage(e.getMessage() == null ? e.code().name() : e.getMessage());
        status.addDetails(Any.pack(ErrorInfo.newBuilder()
                .setReason(e.reason())
                .setDomain(domain)
                .putAllMetadata(e.metadata())
                .build()));
        if (!e.violations().isEmpty()) {
            BadRequest.Builder bad = BadRequest.newBuilder();
            e.violations()
                    .forEach(v -> bad.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                            .setField(v.field())
                            .setDescription(v.description())));
            status.addDetails(Any.pack(bad.build()));
        }
        if (requestId != null) {
            status.addDetails(
                    Any.pack(RequestInfo.newBuilder().setRequestId(requestId).build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** Rule lookups that find nothing are user-facing: the date or region asked has no rule in force. */
    public static ServiceException fromLookup(ParameterLookupException e) {
        return switch (e.kind()) {
            case NOT_YET_IN_FORCE -> ServiceException.notFound("NO_RULE_IN_FORCE", e.getMessage());
            case REPEALED -> ServiceException.notFound("RULE_REPEALED", e.getMessage());
            case REGION_NOT_COVERED -> ServiceException.failedPrecondition("RULE_VARIES_BY_REGION", e.getMessage());
        };
    }

    /** An unexpected failure: the user gets the request id to quote, never internals. */
    public static StatusRuntimeException internal(String requestId) {
        return Status.INTERNAL
                .withDescription("internal error; quote request id " + requestId)
                .asRuntimeException();
    }
}
