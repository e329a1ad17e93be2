package cn.gov.qinghai.enterprisecost.service;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet (no I, O,
 * S, V, Z), the last one a check character computed with weights 3^i mod 31.
 */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** Why {@code code} is not a valid credit code, or {@code null} when it is. */
    public static String problem(String code) {
        if (code.length() != 18) {
            return "must be 18 characters (统一社会信用代码)";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return "contains a character not used in credit codes at position " + (i + 1);
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        char expected = ALPHABET.charAt(check == 31 ? 0 : check);
        return code.charAt(17) == expected ? null : "check character does not match (GB 32100)";
    }
}
