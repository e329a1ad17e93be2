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
            throw ServiceException.permissionDenied(
                    "ROLE_REQUIRED", "this action requires the role " + String.join(" or ", anyOf));
        }
        return this;
    }

    /**
     * The caller's region scope, failing closed: PERMISSION_DENIED with reason {@code SCOPE_MISSING} when the token
     * has no region claim or one that is not a Qinghai region code. Call it for every region-scoped role.
     */
    public Scope scope() {
        return new Scope(region);
    }

    /**
     * The organisation a role is limited to, failing closed like {@link #scope()}: PERMISSION_DENIED with reason
     * {@code SCOPE_MISSING} when the token has no organisation claim.
     */
    public String organisationScope() {
        if (organisation.isBlank()) {
            throw Scope.missing("organisation", organisation);
        }
        return organisation;
    }

    /**
     * Whether this caller's region scope covers {@code target}; false (never "everything") for a caller without a
     * valid region claim. Use {@link #requireRegion} or {@link #scope()} where the caller should be told why.
     */
    public boolean covers(String target) {
        return Scope.isValid(region) && Regions.covers(region, target);
    }

    /**
     * Requires the caller's region scope to cover {@code target}: PERMISSION_DENIED with {@code SCOPE_MISSING}
     * without a valid region claim, {@code REGION_OUT_OF_SCOPE} when it does not cover the target.
     */
    public Caller requireRegion(String target) {
        Scope scope = scope();
        if (!scope.covers(target)) {
            throw ServiceException.permissionDenied(
                    "REGION_OUT_OF_SCOPE", "your authority covers region " + region + ", not " + target);
        }
        return this;
    }
}
