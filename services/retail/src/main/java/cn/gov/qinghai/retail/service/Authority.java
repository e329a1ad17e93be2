package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.ServiceException;

/**
 * Who may do what in the retail service. The commerce department acts within its region scope; an enterprise or
 * carrier acts only for the organisation named in its token (its unified social credit code).
 */
public final class Authority {

    /** 商务主管部门 officer, region-scoped. */
    public static final String OFFICER = "retail:commerce-officer";
    /** A retail enterprise, chain, supplier or operator; token organisation = its credit code. */
    public static final String ENTERPRISE = "retail:enterprise";
    /** A cold-chain carrier; token organisation = its credit code. */
    public static final String CARRIER = "retail:carrier";

    private Authority() {}

    /** A commerce officer whose scope covers {@code region}. */
    public static Caller officerFor(String region) {
        return Caller.current().requireAnyRole(OFFICER).requireRegion(region);
    }

    /** Any commerce officer (scope checked by the caller of this method). */
    public static Caller officer() {
        return Caller.current().requireAnyRole(OFFICER);
    }

    /** An organisation acting for itself with {@code role}; its token must name {@code creditCode}. */
    public static Caller organisation(String role, String creditCode) {
        Caller c = Caller.current().requireAnyRole(role);
        if (!c.organisation().equals(creditCode)) {
            throw ServiceException.permissionDenied(
                    "ORGANISATION_MISMATCH",
                    "your token acts for organisation " + c.organisation() + ", not " + creditCode);
        }
        return c;
    }

    /** The organisation of a caller with {@code role}; PERMISSION_DENIED when the token names none. */
    public static Caller actingOrganisation(String role) {
        Caller c = Caller.current().requireAnyRole(role);
        if (c.organisation().isEmpty()) {
            throw ServiceException.permissionDenied(
                    "ORGANISATION_REQUIRED", "your token names no organisation (credit code) to act for");
        }
        return c;
    }

    /** The officer covering {@code region}, or the organisation itself: whichever the caller is. */
    public static Caller officerOrOrganisation(String region, String role, String creditCode) {
        Caller c = Caller.current();
        if (c.hasRole(OFFICER)) {
            return officerFor(region);
        }
        return organisation(role, creditCode);
    }
}
