package cn.gov.qinghai.kit.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's public keys, found through OpenID Connect discovery and cached. A token whose {@code kid} is not in
 * the cache makes one re-read (so a rotated key works without a restart), at most once per
 * {@link #MIN_REFRESH_INTERVAL} so a flood of made-up kids cannot hammer the provider. When the provider is down the
 * cached keys go on verifying; only a cache that never filled (or a kid never seen) while the provider is down is
 * {@link IdentityProviderUnavailable}.
 */
public final class IssuerKeys {

    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(IssuerKeys.class);
    /** While no key was ever read (provider down at start), how often a request may try again. */
    static final Duration RETRY_WHEN_EMPTY = Duration.ofSeconds(1);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private final AuthSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private volatile Map<String, JWK> keys = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;
    private volatile Instant lastAttempt = Instant.EPOCH;
    private volatile boolean everLoaded;
    private volatile long version;

    public IssuerKeys(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Changes whenever the set of published keys changes. */
    long version() {
        return version;
    }

    /** The key with this id; empty when the issuer does not publish it. */
    public Optional<JWK> key(String kid) {
        Instant now = clock.instant();
        JWK cached = keys.get(kid);
        boolean stale = now.isAfter(loadedAt.plus(settings.keyRefreshAfter()));
        if (cached != null && !stale) {
            return Optional.of(cached);
        }
        boolean mayRetry = now.isAfter(lastAttempt.plus(everLoaded ? MIN_REFRESH_INTERVAL : RETRY_WHEN_EMPTY));
        if (mayRetry) {
            refresh(cached != null);
        } else if (!everLoaded) {
            throw new IdentityProviderUnavailable("the identity provider's keys could not be read", null);
        }
        return Optional.ofNullable(keys.get(kid));
    }

    /** Re-reads the keys; on failure keeps the cache, and fails only when nothing usable is cached. */
    private synchronized void refresh(boolean haveCachedKey) {
        Instant now = clock.instant();
        if (!now.isAfter(lastAttempt.plus(everLoaded ? MIN_REFRESH_INTERVAL : RETRY_WHEN_EMPTY))) {
            return; // another thread just did it
        }
        lastAttempt = now;
        try {
            URI jwks = settings.jwksUri().orElseGet(this::discoverJwksUri);
            JWKSet set = JWKSet.parse(get(jwks));
            Map<String, JWK> fresh = new java.util.HashMap<>();
            for (JWK k : set.getKeys()) {
                if (k.getKeyID() != null && !k.isPrivate()) {
                    fresh.put(k.getKeyID(), k);
                }
            }
            if (!fresh.equals(keys)) {
                version++; // the key set changed: remembered verifications are dropped
            }
            keys = Map.copyOf(fresh);
            loadedAt = now;
            everLoaded = true;
        } catch (IOException | ParseException | RuntimeException e) {
            if (e instanceof InterruptedIOException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("cannot read the identity provider's keys from {}: {}", settings.issuer(), e.toString());
            if (!everLoaded && !haveCachedKey) {
                throw new IdentityProviderUnavailable("the identity provider's keys could not be read", e);
            }
        }
    }

    private URI discoverJwksUri() {
        String base = settings.issuerText().endsWith("/") ? settings.issuerText() : settings.issuerText() + "/";
        URI discovery = URI.create(base + ".well-known/openid-configuration");
        try {
            Map<String, Object> document = JSONObjectUtils.parse(get(discovery));
            Object jwks = document.get("jwks_uri");
            Object issuer = document.get("issuer");
            if (!(jwks instanceof String s) || s.isBlank()) {
                throw new IllegalStateException("the discovery document names no jwks_uri");
            }
            if (issuer != null && !settings.issuerText().equals(issuer)) {
                throw new IllegalStateException("the discovery document is for issuer " + issuer);
            }
            return URI.create(s);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read " + discovery + ": " + e, e);
        }
    }

    private String get(URI uri) throws IOException {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(HTTP_TIMEOUT)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " from " + uri);
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading " + uri);
        }
    }

    private static final class InterruptedIOException extends IOException {
        InterruptedIOException(String message) {
            super(message);
        }
    }
}
