package cn.gov.qinghai.kit.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence,
 * ISO 7064 MOD 11-2 check character. Full numbers never leave a service in logs or public lists: use
 * {@link #mask(String)}.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentId() {}

    /** Why a number is invalid, or empty when it is valid. {@code today} bounds the birth date. */
    public static Optional<String> problem(String id, LocalDate today) {
        if (id == null || id.isEmpty()) {
            return Optional.of("is required");
        }
        if (!id.matches("\\d{17}[\\dX]")) {
            return Optional.of("must be 17 digits followed by a digit or X");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("contains an impossible birth date");
        }
        if (birth.isAfter(today) || birth.getYear() < 1880) {
            return Optional.of("contains a birth date out of range");
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return Optional.of("has a wrong check character");
        }
        return Optional.empty();
    }

    public static boolean isValid(String id, LocalDate today) {
        return problem(id, today).isEmpty();
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Birth date encoded in a valid number. */
    public static LocalDate birthDate(String id) {
        return LocalDate.of(
                Integer.parseInt(id.substring(6, 10)),
                Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }

    /** Age in whole years on {@code date}. */
    public static int ageOn(String id, LocalDate date) {
        return java.time.Period.between(birthDate(id), date).getYears();
    }

    /**
     * Masked for logs and public lists: region code and last four characters stay, birth date and sequence are
     * hidden, e.g. {@code 630102********123X}. Anything not shaped like an id is masked entirely.
     */
    public static String mask(String id) {
        if (id == null) {
            return "";
        }
        if (id.length() != 18) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "********" + id.substring(14);
    }

    /** Masks a personal name for public lists: the first character stays, e.g. 张三丰 → 张**. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
