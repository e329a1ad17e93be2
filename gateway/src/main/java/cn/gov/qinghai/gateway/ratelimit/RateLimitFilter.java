package cn.gov.qinghai.gateway.ratelimit;

import cn.gov.qinghai.gateway.api.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Limits anonymous traffic per client address and route group (Bucket4j token buckets): the public reads —
 * trace look-ups, outlet lists, public recipient lists, estimators, the portal — stay available to everyone when
 * one client floods them. Department calls (with a bearer token, already verified) are not limited here. Over the
 * limit: 429 with {@code Retry-After}, as problem+json for API clients and as a friendly page for browsers.
 * {@code qinghai.rate-limit.enabled=false} (env {@code GATEWAY_RATE_LIMIT_ENABLED}) switches it off for load runs.
 * Buckets live in a bounded per-replica cache (with N replicas a client gets up to N times the limit).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RateLimitFilter implements Ordered {

    private final boolean enabled;
    private final List<RateLimitGroup> groups;
    private final Cache<String, Bucket> buckets;
    private final String addressHeader;

    /**
     * @param addressHeader where a trusted reverse proxy puts the client address (e.g. {@code X-Forwarded-For}: its
     *                      last entry, the one the proxy appended, is taken); empty: the TCP peer address. Only set
     *                      it when every request passes that proxy, or clients choose their own address.
     */
    public RateLimitFilter(
            @Value("${qinghai.rate-limit.enabled:true}") boolean enabled,
            List<RateLimitGroup> groups,
            @Value("${qinghai.rate-limit.max-clients:100000}") long maxClients,
            @Value("${qinghai.rate-limit.client-address-header:}") String addressHeader) {
        this.enabled = enabled;
        this.addressHeader = addressHeader.trim();
        // the most specific prefix wins
        this.groups = groups.stream()
                .sorted(Comparator.comparingInt((RateLimitGroup g) -> g.longestPrefix())
                        .reversed())
                .toList();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (!enabled || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return null; // department calls carry a token (verified before this filter) and are not limited here
        }
        String path = request.getPath();
        Optional<RateLimitGroup> group =
                groups.stream().filter(g -> g.matches(path)).findFirst();
        if (group.isEmpty()) {
            return null;
        }
        RateLimitGroup g = group.get();
        String client = clientAddress(request);
        Bucket bucket = buckets.get(
                g.getName() + "|" + client,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(g.getCapacity())
                                .refillGreedy(g.getPerMinute(), Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        if (wantsHtml(request)) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .contentType(MediaType.TEXT_HTML_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                    .body(FriendlyPage.html(retryAfter));
        }
        return Problems.of(
                        request,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "RATE_LIMITED",
                        "too many requests from your address to " + g.getName() + " routes; try again in " + retryAfter
                                + " s (at most " + g.getPerMinute() + " a minute, bursts of " + g.getCapacity() + ")",
                        List.of())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }

    private String clientAddress(HttpRequest<?> request) {
        if (!addressHeader.isEmpty()) {
            String forwarded = request.getHeaders().get(addressHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    private static boolean wantsHtml(HttpRequest<?> request) {
        return !request.getPath().startsWith("/api/")
                && request.getHeaders().accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE));
    }

    @Override
    public int getOrder() {
        // after the request id and the token check (so a department call is known), before routing and security
        return ServerFilterPhase.SECURITY.before() + 1;
    }
}
