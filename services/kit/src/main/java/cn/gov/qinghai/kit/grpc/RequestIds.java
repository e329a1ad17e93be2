package cn.gov.qinghai.kit.grpc;

import io.grpc.Context;
import io.grpc.Metadata;
import java.util.UUID;

/** The request id that follows a request through gateway, services and logs ({@code x-request-id}). */
public final class RequestIds {

    public static final Metadata.Key<String> HEADER = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    public static final Context.Key<String> CONTEXT_KEY = Context.key("qinghai.request-id");
    /** Key under which logback's MDC carries the id into JSON logs. */
    public static final String MDC_KEY = "requestId";

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    /** The id of the current call, or a fresh one outside a call. */
    public static String current() {
        String id = CONTEXT_KEY.get();
        return id == null ? newId() : id;
    }

    /** Accepts a caller's id only if it is short and plain, so it cannot inject into logs. */
    public static String sanitize(String candidate) {
        if (candidate != null && PLAIN.matcher(candidate).matches()) {
            return candidate;
        }
        return newId();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
