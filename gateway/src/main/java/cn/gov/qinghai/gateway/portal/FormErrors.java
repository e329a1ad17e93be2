package cn.gov.qinghai.gateway.portal;

import cn.gov.qinghai.gateway.api.DownstreamException;
import cn.gov.qinghai.gateway.api.RequestIdFilter;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What went wrong with a form, for the page: a message per form field (shown next to it, in the page's language,
 * with the service's own wording beside it) and an optional message for the whole page. Built from a service's
 * {@code BadRequest} by mapping its field paths (e.g. {@code records[0].grossPay}) to the form's fields.
 */
public final class FormErrors {

    private final Map<String, FieldError> fields = new LinkedHashMap<>();
    private String page;
    private HttpStatus status = HttpStatus.OK;

    /** A message for one field; {@code detail} is the service's original wording (English), may be empty. */
    public record FieldError(String message, String detail) {
    }

    public FormErrors field(String field, String message, String detail) {
        fields.putIfAbsent(field, new FieldError(message, detail == null ? "" : detail));
        status = HttpStatus.UNPROCESSABLE_ENTITY;
        return this;
    }

    public FormErrors page(HttpStatus status, String message) {
        this.page = message;
        this.status = status;
        return this;
    }

    public boolean any() {
        return !fields.isEmpty() || page != null;
    }

    public Map<String, FieldError> getFields() {
        return fields;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public FieldError get(String field) {
        return fields.get(field);
    }

    public String getPage() {
        return page;
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * Reads a failed call: INVALID_ARGUMENT becomes field errors (path mapped by {@code toFormField}, message from
     * {@code <messagePrefix><formField>} in the page's language); unavailable, timeout and internal failures become a
     * page message. Other codes are left for the caller (returns false) since their meaning is domain specific.
     */
    public boolean read(DownstreamException e, HttpRequest<?> request, PortalPages pages, String serviceTitleKey,
                        String messagePrefix, UnaryOperator<String> toFormField) {
        Status.Code code = e.grpc().getStatus().getCode();
        String service = pages.message(request, serviceTitleKey);
        switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> {
                for (BadRequest.FieldViolation v : violations(e)) {
                    String field = toFormField.apply(v.getField());
                    String key = messagePrefix + field;
                    String message = pages.message(request, key);
                    field(field, message.equals(key) ? v.getDescription() : message, v.getDescription());
                }
                if (fields.isEmpty()) {
                    page(HttpStatus.BAD_REQUEST, e.grpc().getStatus().getDescription());
                }
                return true;
            }
            case UNAVAILABLE -> {
                page(HttpStatus.SERVICE_UNAVAILABLE, pages.message(request, "error.unavailable", service));
                return true;
            }
            case DEADLINE_EXCEEDED -> {
                page(HttpStatus.GATEWAY_TIMEOUT, pages.message(request, "error.timeout", service));
                return true;
            }
            case INTERNAL, UNKNOWN, DATA_LOSS, UNIMPLEMENTED -> {
                page(HttpStatus.INTERNAL_SERVER_ERROR,
                        pages.message(request, "error.internal", RequestIdFilter.requestId(request)));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static java.util.List<BadRequest.FieldViolation> violations(DownstreamException e) {
        com.google.rpc.Status details = StatusProto.fromThrowable(e.grpc());
        if (details == null) {
            return java.util.List.of();
        }
        for (Any any : details.getDetailsList()) {
            if (any.is(BadRequest.class)) {
                try {
                    return any.unpack(BadRequest.class).getFieldViolationsList();
                } catch (InvalidProtocolBufferException ignored) {
                    return java.util.List.of();
                }
            }
        }
        return java.util.List.of();
    }
}
