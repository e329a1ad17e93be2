package cn.gov.qinghai.kit.grpc;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.TokenVerifier;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.tracing.Traces;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every call into every service passes here: it takes (or makes) the request id, verifies the bearer token into a
 * {@link Caller} (OpenID Connect: the issuer's JWKS, RS256/ES256, iss, aud, exp/nbf), and turns any {@link ServiceException} thrown by service code (or passed to
 * {@code onError}) into the platform error model. Unexpected exceptions are logged with the request id and
 * answered INTERNAL without internals. Calls without a token run as the anonymous public; services decide.
 */
@Singleton
public class PlatformServerInterceptor implements ServerInterceptor, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformServerInterceptor.class);
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final TokenVerifier verifier;
    private final String domain;

    /** @param verifier the kit's OpenID Connect verifier ({@code qinghai.auth.*}, see {@code AuthFactory}) */
    public PlatformServerInterceptor(TokenVerifier verifier, @Value("${qinghai.service.error-domain}") String domain) {
        this.verifier = verifier;
        this.domain = domain;
    }

    @Override
    public int getOrder() {
        // just inside TracingServerInterceptor, whose span is then current here and in every callback
        return HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String requestId = RequestIds.sanitize(headers.get(RequestIds.HEADER));
        GuardedCall<Q, R> guarded = new GuardedCall<>(call, requestId);
        Caller caller;
        try {
            caller = authenticate(headers.get(AUTHORIZATION));
        } catch (ServiceException e) {
            guarded.close(Status.UNKNOWN.withCause(e), new Metadata());
            return new ServerCall.Listener<>() {};
        }
        Context context =
                Context.current().withValue(Caller.CONTEXT_KEY, caller).withValue(RequestIds.CONTEXT_KEY, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        Traces.tagRequestId(requestId);
        Traces.putMdc();
        try {
            return new GuardedListener<>(Contexts.interceptCall(context, guarded, headers, next), guarded, requestId);
        } catch (RuntimeException e) {
            // A streaming method runs when the call starts (to return its request observer); what it throws there,
            // e.g. PERMISSION_DENIED for a caller without the role, must be mapped like any other failure, not
            // left to grpc-java, which answers UNKNOWN ("Application error processing RPC", HTTP 500).
            guarded.close(Status.UNKNOWN.withCause(e), new Metadata());
            return new ServerCall.Listener<>() {};
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            Traces.clearMdc();
        }
    }

    private Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Caller.ANONYMOUS;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ServiceException.unauthenticated("the authorization header must be 'Bearer <token>'");
        }
        return verifier.verify(authorization.substring(7).trim());
    }

    /** Echoes the request id and rewrites failures into the error model; closes at most once. */
    private final class GuardedCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
        private final String requestId;
        private final AtomicBoolean closed = new AtomicBoolean();

        GuardedCall(ServerCall<Q, R> delegate, String requestId) {
            super(delegate);
            this.requestId = requestId;
        }

        @Override
        public void sendHeaders(Metadata headers) {
            headers.put(RequestIds.HEADER, requestId);
            super.sendHeaders(headers);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            Throwable cause = status.getCause();
            if (cause instanceof ParameterLookupException lookup) {
                cause = ErrorStatus.fromLookup(lookup);
            }
            if (cause != null && DatabaseOutage.isOutage(cause)) {
                LOG.warn("database unreachable in {}: {}", getMethodDescriptor().getFullMethodName(), cause.toString());
                cause = ServiceException.of(
                        Status.Code.UNAVAILABLE,
                        "DATABASE_UNAVAILABLE",
                        "the service's database is unreachable; try again shortly");
            }
            if (cause != null && DataRejected.isDataException(cause)) {
                // A value the validation let through but PostgreSQL cannot store (NUL byte, out-of-range number):
                // still the caller's input, so a 400 naming the request, never a 500.
                cause = ServiceException.invalid(
                        "request",
                        "contains a value that cannot be stored "
                                + "(for example a NUL character or a number out of range)");
            }
            if (cause instanceof ServiceException e) {
                StatusRuntimeException mapped = ErrorStatus.toStatusException(e, domain, requestId);
                trailers.merge(mapped.getTrailers());
                status = mapped.getStatus();
            } else if (status.getCode() == Status.Code.UNKNOWN && cause != null) {
                LOG.error("unexpected failure in {}", getMethodDescriptor().getFullMethodName(), cause);
                status = ErrorStatus.internal(requestId).getStatus();
            }
            trailers.put(RequestIds.HEADER, requestId);
            super.close(status, trailers);
        }

        boolean isClosed() {
            return closed.get();
        }
    }

    /** Runs each callback with the request id in the logging MDC and maps what service code throws. */
    private static final class GuardedListener<Q, R>
            extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
        private final GuardedCall<Q, R> call;
        private final String requestId;

        GuardedListener(ServerCall.Listener<Q> delegate, GuardedCall<Q, R> call, String requestId) {
            super(delegate);
            this.call = call;
            this.requestId = requestId;
        }

        private void guard(Runnable r) {
            MDC.put(RequestIds.MDC_KEY, requestId);
            Traces.putMdc();
            try {
                r.run();
            } catch (RuntimeException e) {
                if (!call.isClosed()) {
                    call.close(Status.UNKNOWN.withCause(e), new Metadata());
                } else {
                    LOG.warn("failure after the call was closed", e);
                }
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
                Traces.clearMdc();
            }
        }

        @Override
        public void onMessage(Q message) {
            guard(() -> super.onMessage(message));
        }

        @Override
        public void onHalfClose() {
            guard(super::onHalfClose);
        }

        @Override
        public void onCancel() {
            guard(super::onCancel);
        }

        @Override
        public void onComplete() {
            guard(super::onComplete);
        }

        @Override
        public void onReady() {
            guard(super::onReady);
        }
    }
}
