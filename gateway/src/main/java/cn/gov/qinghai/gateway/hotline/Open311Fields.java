package cn.gov.qinghai.gateway.hotline;

import java.util.Map;

/** How Open311 GeoReport v2 parameters map onto the hotline's request fields, and back for error messages. */
final class Open311Fields {

    private static final Map<String, String> TO_OPEN311 = Map.of(
            "categoryCode",
            "service_code",
            "region",
            "jurisdiction_id",
            "latitude",
            "lat",
            "longitude",
            "long",
            "address",
            "address_string",
            "callerPhone",
            "phone",
            "description",
            "description",
            "requestId",
            "token");

    private Open311Fields() {}

    static String open311Name(String field) {
        return TO_OPEN311.getOrDefault(field, field);
    }
}
