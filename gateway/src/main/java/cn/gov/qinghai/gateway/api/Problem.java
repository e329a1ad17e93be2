package cn.gov.qinghai.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}) with the platform's extension members: the
 * ErrorInfo {@code reason}, the {@code requestId} to quote, and {@code errors} naming every invalid field.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String reason,
        String requestId,
        List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path and why. */
    @Serdeable
    public record InvalidField(String field, String description) {}
}
