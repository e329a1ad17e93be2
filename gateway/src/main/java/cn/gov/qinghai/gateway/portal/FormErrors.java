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
 * What went wrong with a form, for the page: a message per form field and an optional message for the whole page.
 * Built from a service's {@code BadRequest} by mapping its field paths (e.g. {@code records[0].grossPay}) to the
 * form's fields. Pages show it with the {@code layout :: errorSummary(errors)} fragment at the top (every error a
 * link to its field, focused on load) and {@code layout :: fieldError(errors, name)} next to each field; both show
 * only the plain message in the page's language. The service's own wording ({@code detail}) is kept for tests and
 * logs but never shown: it is English, technical and may name internals.
 */
public final class FormErrors {

    private final Map<String, FieldError> fields = new LinkedHashMap<>();
    private String page;
    private HttpStatus status = HttpStatus.OK;

    /** A message for one field; {@code detail} is the service's original wording (English), may be empty. */
    public record FieldError(String message, String detail) {}

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
    public boolean read(
            DownstreamException e,
            HttpRequest<?> request,
            PortalPages pages,
            String serviceTitleKey,
            String messagePrefix,
            UnaryOperator<String> toFormField) {
        Status.Code code = e.grpc().getStatus().getCode();
        String service = pages.message(request, serviceTitleKey);
        switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> {
                for (BadRequest.FieldViolation v : violations(e)) {
                    String field = toFormField.apply(v.getField());
                    field(field, plainMessage(request, pages, messagePrefix, field), v.getDescription());
                }
                if (fields.isEmpty()) {
                    page(HttpStatus.BAD_REQUEST, pages.message(request, "form.error.invalidPage"));
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
                unexpected(request, pages);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A failure the page cannot explain (a code the caller does not expect): a friendly sentence with the request id
     * to quote, never the service's own text. Status 500.
     */
    public FormErrors unexpected(HttpRequest<?> request, PortalPages pages) {
        return page(
                HttpStatus.INTERNAL_SERVER_ERROR,
                pages.message(request, "error.internal", RequestIdFilter.requestId(request)));
    }

    /**
     * The plain message for a form field: {@code <prefix><field>} (e.g. {@code wage.error.grossPay}), else
     * {@code <prefix><last segment>} (so {@code m1.i0.annualAmount} finds {@code dibao.error.annualAmount}), else
     * the generic "check this answer" in the page's language — never the service's English description.
     */
    public static String plainMessage(HttpRequest<?> request, PortalPages pages, String prefix, String field) {
        String key = prefix + field;
        String message = pages.message(request, key);
        if (!message.equals(key)) {
            return message;
        }
        String lastKey = prefix + field.substring(field.lastIndexOf('.') + 1);
        String last = pages.message(request, lastKey);
        return last.equals(lastKey) ? pages.message(request, "form.error.invalid") : last;
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
