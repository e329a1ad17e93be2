package cn.gov.qinghai.gateway.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered JSON of public reference-data look-ups (the minimum wage in force on a date, a region's standards), kept
 * for a short time so the gateway answers repeated questions without a gRPC call.
 * <p>Freshness: an answer can be at most {@code qinghai.gateway.lookup-cache.ttl} old (default 2 s). A write the
 * gateway itself forwards (publishing a standard) empties the cache of that service at once, so a clerk who
 * publishes through this gateway reads the new standard immediately; other gateway replicas catch up within the
 * TTL. Only successful answers are kept: errors (bad input, a service that is down) are never cached. A TTL of 0
 * turns the cache off, which is how docs/performance.md measures the uncached path.
 */
@Singleton
public class LookupCache {

    private final Cache<String, String> bodies;
    private final boolean enabled;
    /** Bumped by every invalidation, so an answer rendered before a write is not stored after it. */
    private final AtomicLong generation = new AtomicLong();

    public LookupCache(
            @Value("${qinghai.gateway.lookup-cache.ttl:2s}") Duration ttl,
            @Value("${qinghai.gateway.lookup-cache.max-entries:20000}") long maxEntries) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.bodies = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .maximumSize(maxEntries)
                .build();
    }

    /** The cached body for {@code service}'s {@code key}, or {@code render}'s answer (then cached). */
    public String get(String service, String key, Supplier<String> render) {
        if (!enabled) {
            return render.get();
        }
        String cacheKey = service + '\u0000' + key;
        String body = bodies.getIfPresent(cacheKey);
        if (body == null) {
            // Not computeIfAbsent: the render is a network call and must not run under the cache's lock.
            long before = generation.get();
            body = render.get();
            bodies.put(cacheKey, body);
            if (generation.get() != before) {
                // A write landed while this answer was rendered: it may predate the write, so do not keep it.
                // (Put first, check after: with invalidate's bump-then-remove, no interleaving keeps a stale body.)
                bodies.asMap().remove(cacheKey, body);
            }
        }
        return body;
    }

    /** {@link #get} for a render that does not block (the REST transcoder's future gRPC call). */
    public CompletableFuture<String> getAsync(String service, String key, Supplier<CompletableFuture<String>> render) {
        if (!enabled) {
            return render.get();
        }
        String cacheKey = service + '\u0000' + key;
        String cached = bodies.getIfPresent(cacheKey);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        long before = generation.get();
        return render.get().thenApply(body -> {
            bodies.put(cacheKey, body);
            if (generation.get() != before) {
                bodies.asMap().remove(cacheKey, body); // as in get: rendered across a write, not kept
            }
            return body;
        });
    }

    /** Forgets every answer of {@code service}: called after a write to it succeeded. */
    public void invalidate(String service) {
        String prefix = service + '\u0000';
        generation.incrementAndGet();
        bodies.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    }
}
