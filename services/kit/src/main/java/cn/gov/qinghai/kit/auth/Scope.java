package cn.gov.qinghai.kit.auth;

import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.region.Regions;

/**
 * The region a caller's authority covers, checked once, and its SQL form. The only place on the platform that turns
 * a region claim into "which rows": every service asks {@link Caller#scope()} and gets either a valid scope or a
 * PERMISSION_DENIED with reason {@code SCOPE_MISSING}; a missing or malformed claim never means "everything".
 *
 * @param region a GB/T 2260 code inside Qinghai: 630000 (the province), a prefecture (6301xx with xx = 00) or a county
 */
public record Scope(String region) {

    /** The gRPC error reason (and problem+json {@code reason}) for a scoped role without a usable scope claim. */
    public static final String SCOPE_MISSING = "SCOPE_MISSING";

    public Scope {
        if (!isValid(region)) {
            throw missing("region", region);
        }
    }

    /** Whether {@code claim} names a region a scope can be: the province, or a known prefecture or its counties. */
    public static boolean isValid(String claim) {
        return claim != null && (Regions.PROVINCE.equals(claim) || Regions.isWithinQinghai(claim));
    }

    /** Whether this scope covers {@code target}: the province everything, a prefecture its counties, a county itself. */
    public boolean covers(String target) {
        return Regions.covers(region, target);
    }

    /**
     * The LIKE pattern of the region codes this scope covers: {@code 63%} for the province, {@code 6301%} for a
     * prefecture, the code itself for a county. Always a non-empty, bounded pattern (never {@code %}).
     */
    public String likePattern() {
        if (Regions.PROVINCE.equals(region)) {
            return "63%";
        }
        return region.endsWith("00") ? region.substring(0, 4) + "%" : region;
    }

    /** {@code column LIKE ?} with {@link #likePattern()} as its one parameter, for hand-written SQL. */
    public Sql where(String column) {
        return new Sql(column + " LIKE ?", likePattern());
    }

    /**
     * A SQL condition with one bind parameter.
     *
     * @param condition e.g. {@code county LIKE ?}
     * @param parameter the value to bind to its {@code ?}
     */
    public record Sql(String condition, String parameter) {}

    static ServiceException missing(String claim, String value) {
        String why = value == null || value.isBlank()
                ? "has no " + claim + " claim"
                : "has a " + claim + " claim that is not a region code inside Qinghai";
        return ServiceException.permissionDenied(
                SCOPE_MISSING,
                "your role is limited to a " + claim + ", but your token " + why + "; ask your identity provider "
                        + "administrator to add it");
    }
}
