package cn.gov.qinghai.healthdata.rules;

import java.util.regex.Pattern;

/**
 * Code formats of the exchange standard (80号 二(一)1 数据标准): ICD-10 diagnosis codes as used in China (GB/T 14396,
 * with the national clinical extension such as {@code J18.900x001}) and WHO ATC level-5 drug codes. These are
 * shapes of published coding systems, not policy figures.
 */
public final class CodeFormats {

    /**
     * Letter, two digits, then optionally a dot and up to four characters (the national clinical edition uses a
     * lower-case x as a placeholder, e.g. I10.x00), then an optional x-extension (x002).
     */
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Zx]{1,4}(x[0-9]{3})?)?");
    /** ATC level 5: anatomical group letter, two digits, two letters, two digits (e.g. C09AA02). */
    private static final Pattern ATC = Pattern.compile("[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}");

    private static final Pattern HEALTH_CARD = Pattern.compile("[0-9A-Z]{8,32}");

    private CodeFormats() {}

    /** Why {@code code} is not an ICD-10 code, or {@code null}. U-codes are WHO emergency/special-purpose codes. */
    public static String icd10Problem(String code) {
        if (!ICD10.matcher(code).matches()) {
            return "must be an ICD-10 code such as J18.9 or J18.900x001, found '" + clip(code) + "'";
        }
        return null;
    }

    public static String atcProblem(String code) {
        if (!ATC.matcher(code).matches()) {
            return "must be a WHO ATC level-5 code such as C09AA02, found '" + clip(code) + "'";
        }
        return null;
    }

    public static String healthCardProblem(String number) {
        if (!HEALTH_CARD.matcher(number).matches()) {
            return "must be 8–32 capital letters or digits";
        }
        return null;
    }

    /** The three-character ICD-10 category (e.g. "A20" for "A20.0"). */
    public static String category(String icd10) {
        return icd10.substring(0, 3);
    }

    private static String clip(String v) {
        String s = v.length() > 20 ? v.substring(0, 20) + "…" : v;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
