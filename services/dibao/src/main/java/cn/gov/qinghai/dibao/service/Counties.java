package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.kit.grpc.FieldErrors;

/** County codes: dibao is administered by county civil-affairs departments, so cases and standards are per county. */
final class Counties {
    private Counties() {}

    /** A required county-level code inside Qinghai (63xxxx, not a prefecture or the province). */
    static String county(FieldErrors errors, String field, String value) {
        String code = errors.qinghaiRegion(field, value);
        if (code != null && code.endsWith("00")) {
            errors.add(field, "must be a county-level code (e.g. 630102), not a prefecture or the province");
            return null;
        }
        return code;
    }
}
