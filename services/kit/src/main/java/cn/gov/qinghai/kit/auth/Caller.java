package cn.gov.qinghai.kit.auth;

import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.region.Regions;
import io.grpc.Context;
import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling: the subject, roles and region scope from a verified bearer JWT, or the anonymous public.
 * Services enforce their own rules with it (defence in depth: the gateway checks too, but never alone).
 *
 * @param subject      token subject (a person or system id); "anonymous" for the public
 * @param roles        roles such as {@code wage:admin}
 * @param region       region scope (GB/T 2260); 630000 covers the whole province
 * @param organisation the caller's organisation, where a role is scoped to one (e.g. a project owner); may be empty
 * @param token        the raw bearer token, forwarded on service-to-service calls; empty when anonymous
 */
public record Caller(String subject, Set<String> roles, String region, String organisation, String token) {

    /** Where the platform interceptor puts the caller of the current call. */
    public static final Context.Key<Caller> CONTEXT_KEY = Context.key("qinghai.caller");

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), "", "", "");

    public Caller {
        roles = Set.copyOf(roles);
        organisation = organisation == null ? "" : organisation;
        region = region == null ? "" : region;
    }

    /** The caller of the current gRPC call (anonymous outside a call or without a token). */
    public static Caller current() {
        Caller c = CONTEXT_KEY.get();
        return c == null ? ANONYMOUS : c;
    }

    public boolean isAnonymous() {
        return token.isEmpty();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Requires one of the roles: UNAUTHENTICATED without a token, PERMISSION_DENIED without the role. */
    public Caller requireAnyRole(String... anyOf) {
        if (isAnonymous()) {
            throw ServiceException.unauthenticated("a bearer token is required");
        }
        if (Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw ServiceException.permissionDenied("ROLE_REQUIRED",
                    "this action requires the role " + String.join(" or ", anyOf));
        }
        return this;
    }

    /** Whether this caller's region scope covers {@code target}. */
    public boolean covers(String target) {
        return Regions.covers(region, target);
    }

    /** Requires the caller's region scope to cover {@code target}, else PERMISSION_DENIED. */
    public Caller requireRegion(String target) {
        if (!covers(target)) {
            throw ServiceException.permissionDenied("REGION_OUT_OF_SCOPE",
                    "your authority covers region " + region + ", not " + target);
        }
        return this;
    }
}
