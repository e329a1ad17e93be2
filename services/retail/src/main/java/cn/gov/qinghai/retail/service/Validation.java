package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.identity.CreditCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Field checks the retail service needs beyond the kit's {@link FieldErrors}. */
public final class Validation {

    private static final String CODE = "[A-Za-z0-9._-]{4,64}";

    private Validation() {}

    /** A unified social credit code with a valid GB 32100-2015 check character. */
    public static String creditCode(FieldErrors errors, String field, String value) {
        var problem = CreditCode.problem(value);
        if (problem.isPresent()) {
            errors.add(field, problem.get());
            return null;
        }
        return value;
    }

    /** A batch or shipment code. */
    public static String code(FieldErrors errors, String field, String value) {
        if (value == null || value.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        if (!value.matches(CODE)) {
            errors.add(field, "must be 4-64 characters of letters, digits, '.', '_' or '-'");
            return null;
        }
        return value;
    }

    /** An ISO-8601 instant with offset (2017-06-01T08:00:00+08:00), truncated to microseconds as stored. */
    public static Instant instant(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required (ISO-8601 instant with offset, e.g. 2017-06-01T08:00:00+08:00)");
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 instant with offset, e.g. 2017-06-01T08:00:00+08:00");
            return null;
        }
    }

    /** A county-level (or finer) region: six digits inside Qinghai, not the province or a prefecture code. */
    public static String county(FieldErrors errors, String field, String value) {
        String r = errors.qinghaiRegion(field, value);
        if (r != null && r.endsWith("00")) {
            errors.add(field, "must be a county-level code (a prefecture or the province is not an outlet location)");
            return null;
        }
        return r;
    }
}
