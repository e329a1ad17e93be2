package cn.gov.qinghai.hotline.service;

import cn.gov.qinghai.hotline.rules.CategoryCatalogue;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Field checks shared by the hotline's services; every failure is recorded, none thrown alone. */
final class Validation {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("\\d{8}-[0-9A-Z]{8}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{4,19}");

    private Validation() {}

    static String requestId(FieldErrors errors, String field, String value) {
        if (value == null || value.isEmpty()) {
            errors.add(field, "is required (1–64 characters of A-Z a-z 0-9 . _ : -)");
            return null;
        }
        return errors.check(
                        REQUEST_ID.matcher(value).matches(), field, "must be 1–64 characters of A-Z a-z 0-9 . _ : -")
                ? value
                : null;
    }

    static String number(FieldErrors errors, String value) {
        if (value == null || value.isEmpty()) {
            errors.add("number", "is required (e.g. 20170615-7K3QDM2A)");
            return null;
        }
        return errors.check(
                        NUMBER.matcher(value).matches(),
                        "number",
                        "must look like 20170615-7K3QDM2A (date, '-', 8 letters or digits)")
                ? value
                : null;
    }

    /** An optional category code; unknown codes are refused naming every allowed one. */
    static String category(FieldErrors errors, String field, String value, CategoryCatalogue.Catalogue catalogue) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (catalogue.find(value) == null) {
            errors.add(
                    field,
                    "unknown category '" + clip(value) + "'; allowed: "
                            + String.join(", ", catalogue.byCode().keySet()));
            return null;
        }
        return value;
    }

    static String phone(FieldErrors errors, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return errors.check(
                        PHONE.matcher(value).matches(),
                        "callerPhone",
                        "must be 5–20 digits, optionally with a leading + and dashes")
                ? value
                : null;
    }

    /** Optional WGS-84 coordinates: both or neither, latitude −90..90, longitude −180..180. */
    static void coordinates(FieldErrors errors, String latitude, String longitude) {
        boolean hasLat = latitude != null && !latitude.isEmpty();
        boolean hasLong = longitude != null && !longitude.isEmpty();
        if (hasLat != hasLong) {
            errors.add(
                    hasLat ? "longitude" : "latitude",
                    "is required when " + (hasLat ? "latitude" : "longitude") + " is given");
        }
        if (hasLat) {
            range(errors, "latitude", latitude, 90);
        }
        if (hasLong) {
            range(errors, "longitude", longitude, 180);
        }
    }

    private static void range(FieldErrors errors, String field, String value, int limit) {
        try {
            double d = Double.parseDouble(value);
            errors.check(
                    value.length() <= 20 && Math.abs(d) <= limit && !Double.isNaN(d),
                    field,
                    "must be a decimal degree between -" + limit + " and " + limit);
        } catch (NumberFormatException e) {
            errors.add(field, "must be a decimal degree such as 36.6171, found '" + clip(value) + "'");
        }
    }

    /** An optional ISO date; empty means today in China Standard Time. */
    static LocalDate dateOrToday(FieldErrors errors, String field, String value, Clock clock) {
        LocalDate d = errors.optionalDate(field, value);
        return d != null ? d : LocalDate.now(clock.withZone(PlatformGrpcFactory.CHINA));
    }

    static String clip(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
