package cn.gov.qinghai.hotline.service;

import cn.gov.qinghai.hotline.data.TicketFilter;
import cn.gov.qinghai.hotline.data.TicketRow;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.region.Regions;
import java.util.List;

/**
 * Who may see and do what (96号 三(三) "有人管": each agency owns its tickets). Region scope comes from the token's
 * region claim through the kit's {@link Caller}; a department role without a region claim, or an agency token
 * without its org claim, sees nothing (fails closed).
 */
final class Access {

    static final String OPERATOR = "hotline:operator";
    static final String AGENCY = "hotline:agency";
    static final String SUPERVISOR = "hotline:supervisor";

    private Access() {}

    /** The tickets a caller may see: region scope, and the agency for an agency-only caller. */
    record Scope(Caller caller, boolean agencyOnly) {

        /** The caller's own agency id when limited to it, else {@code null}. */
        String agencyId() {
            return agencyOnly ? caller.organisation() : null;
        }

        boolean sees(TicketRow t) {
            return caller.covers(t.region())
                    && (!agencyOnly || caller.organisation().equals(t.agencyId()));
        }

        /** A list filter inside this scope; {@code region} (already validated) narrows it further. */
        TicketFilter filter(String region, String agencyId, String state, String category) {
            if (region != null) {
                caller.requireRegion(region);
            }
            String own = caller.region();
            List<String> prefectures = Regions.PROVINCE.equals(own) ? null : List.of(Regions.prefectureOf(own));
            String narrowed = region != null && !Regions.PROVINCE.equals(region) ? region : isCounty(own) ? own : null;
            return new TicketFilter(
                    prefectures, narrowed, agencyOnly ? caller.organisation() : agencyId, state, category);
        }
    }

    /** Requires one of {@code roles} and a region claim; agency-only callers also need their org claim. */
    static Scope scope(String... roles) {
        Caller caller = Caller.current().requireAnyRole(roles);
        if (caller.region().isBlank()) {
            throw ServiceException.permissionDenied(
                    "REGION_CLAIM_MISSING",
                    "a hotline token must carry a region claim; without one nothing can be shown");
        }
        boolean agencyOnly = !caller.hasRole(OPERATOR) && !caller.hasRole(SUPERVISOR);
        if (agencyOnly && caller.organisation().isBlank()) {
            throw ServiceException.permissionDenied(
                    "AGENCY_CLAIM_MISSING", "a hotline:agency token must name its agency in the org claim");
        }
        return new Scope(caller, agencyOnly);
    }

    static boolean isCounty(String code) {
        return code.length() == 6 && !code.endsWith("00");
    }
}
