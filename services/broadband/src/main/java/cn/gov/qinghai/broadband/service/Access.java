package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.ServiceException;

/**
 * Who may do what: the communications administration ({@code broadband:admin}) sees and reports for every project;
 * a project owner ({@code broadband:reporter}) only for projects whose 负责单位 equals the token's {@code org} claim.
 */
final class Access {

    static final String ADMIN = "broadband:admin";
    static final String REPORTER = "broadband:reporter";

    private Access() {}

    /** The owner a caller is limited to, or {@code null} for an admin (no limit). */
    static String ownerScope(Caller caller) {
        caller.requireAnyRole(ADMIN, REPORTER);
        if (caller.hasRole(ADMIN)) {
            return null;
        }
        return caller.organisationScope(); // SCOPE_MISSING without an organisation claim
    }

    static void requireOwner(Caller caller, String owner) {
        String scope = ownerScope(caller);
        if (scope != null && !scope.equals(owner)) {
            throw ServiceException.permissionDenied(
                    "OWNER_OUT_OF_SCOPE",
                    "your organisation " + scope + " may report only on its own projects; this project belongs to "
                            + owner);
        }
    }
}
