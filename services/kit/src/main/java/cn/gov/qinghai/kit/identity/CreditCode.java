package cn.gov.qinghai.kit.identity;

import java.util.Optional;

/**
 * Unified social credit codes of legal persons and other organisations (统一社会信用代码, GB 32100-2015): 18
 * characters from the 31-character set {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z): registration-authority
 * code, organisation-type code, 6-digit administrative division (GB/T 2260), 9-character organisation code
 * (GB 11714) and one check character. The check character is ISO 7064 MOD 31-3 style: weights
 * 3^i mod 31, check = 31 − (Σ value·weight mod 31), with 31 written as {@code 0}.
 */
public final class CreditCode {

    /** The code alphabet in value order: '0' is 0, 'A' is 10, 'Y' is 30. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    /** Why a code is invalid, or empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("is required");
        }
        if (code.length() != 18) {
            return Optional.of("must be 18 characters (GB 32100-2015), found " + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("contains '" + printable(code.charAt(i)) + "' at position " + (i + 1)
                        + ": only digits and upper-case letters other than I, O, S, V, Z are allowed");
            }
        }
        if (!code.substring(2, 8).matches("\\d{6}")) {
            return Optional.of("must carry a six-digit administrative division code in positions 3-8");
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of("has a wrong check character (GB 32100-2015)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The GB 32100-2015 check character for the first 17 characters (which must be in the alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character outside the GB 32100 alphabet at " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The administrative division (GB/T 2260) of the registering authority, positions 3-8. */
    public static String division(String validCode) {
        return validCode.substring(2, 8);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? "?" : String.valueOf(c);
    }
}
