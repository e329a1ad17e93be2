package cn.gov.qinghai.gateway.api;

import io.micronaut.http.HttpStatus;
import java.util.List;

/** A problem found by the gateway itself (before any service is called), e.g. a body that is not valid JSON. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String reason;
    private final List<Problem.InvalidField> errors;

    public ProblemException(HttpStatus status, String reason, String detail, List<Problem.InvalidField> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(List<Problem.InvalidField> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).description()
                : errors.size() + " fields are invalid";
        return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", detail, errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public List<Problem.InvalidField> errors() {
        return errors;
    }
}
