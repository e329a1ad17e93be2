package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.kit.region.Regions;

/** SQL LIKE patterns for region scopes, matching {@link Regions#covers}. */
final class Scopes {
    private Scopes() {
    }

    /** Pattern of the regions {@code scope} covers: all, a prefecture with its counties, or one county. */
    static String pattern(String scope) {
        if (scope == null || !scope.matches("63\\d{4}")) {
            return "-"; // no region code matches: an unscoped caller sees nothing
        }
        if (Regions.PROVINCE.equals(scope)) {
            return "%";
        }
        return scope.endsWith("00") ? scope.substring(0, 4) + "%" : scope;
    }
}
