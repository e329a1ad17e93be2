package cn.gov.qinghai.kit.grpc;

import io.grpc.Status;
import java.util.List;
import java.util.Map;

/**
 * A user-facing failure raised anywhere in service code. The platform interceptor turns it into a
 * {@code google.rpc.Status} with one {@code ErrorInfo} (reason, domain, metadata) and, for bad input, one
 * {@code BadRequest} listing every invalid field. The message is shown to users: no internals in it.
 */
public class ServiceException extends RuntimeException {

    private final Status.Code code;
    private final String reason;
    private final List<FieldViolation> violations;
    private final Map<String, String> metadata;

    public ServiceException(
            Status.Code code,
            String reason,
            String message,
            List<FieldViolation> violations,
            Map<String, String> metadata) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
        this.violations = List.copyOf(violations);
        this.metadata = Map.copyOf(metadata);
    }

    public static ServiceException invalid(List<FieldViolation> violations) {
        String summary = violations.size() == 1
                ? violations.get(0).field() + " " + violations.get(0).description()
                : violations.size() + " fields are invalid";
        return new ServiceException(Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT", summary, violations, Map.of());
    }

    public static ServiceException invalid(String field, String description) {
        return invalid(List.of(new FieldViolation(field, description)));
    }

    public static ServiceException notFound(String reason, String message) {
        return of(Status.Code.NOT_FOUND, reason, message);
    }

    public static ServiceException alreadyExists(String reason, String message) {
        return of(Status.Code.ALREADY_EXISTS, reason, message);
    }

    public static ServiceException failedPrecondition(String reason, String message) {
        return of(Status.Code.FAILED_PRECONDITION, reason, message);
    }

    /** A concurrent change won: the caller should re-read and decide again. */
    public static ServiceException aborted(String reason, String message) {
        return of(Status.Code.ABORTED, reason, message);
    }

    public static ServiceException permissionDenied(String reason, String message) {
        return of(Status.Code.PERMISSION_DENIED, reason, message);
    }

    public static ServiceException unauthenticated(String message) {
        return of(Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED", message);
    }

    public static ServiceException of(Status.Code code, String reason, String message) {
        return new ServiceException(code, reason, message, List.of(), Map.of());
    }

    public ServiceException withMetadata(Map<String, String> extra) {
        return new ServiceException(code, reason, getMessage(), violations, extra);
    }

    public Status.Code code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public Map<String, String> metadata() {
        return metadata;
    }
}
