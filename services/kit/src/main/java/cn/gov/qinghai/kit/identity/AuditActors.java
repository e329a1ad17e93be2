package cn.gov.qinghai.kit.identity;

import java.util.Arrays;
import java.util.List;

/**
 * How an audit view names who did something, without showing one resident's identity number to anyone else.
 * Staff are named by their staff id (the token subject their organisation's identity provider issued) and
 * organisation; a member of the public (a resident acting for themself, whose subject is their identity number)
 * is named only by role — never by the number, not even masked, since region and last digits narrow a person down.
 * The one place that decides this: every audit view that shows actors goes through {@link #display}.
 */
public final class AuditActors {

    /** What a resident actor is shown as. */
    public static final String RESIDENT_LABEL = "居民本人以外的个人 / another resident";

    private AuditActors() {}

    /**
     * The actor as an audit view may show it.
     *
     * @param actor stored actor (token subject)
     * @param roles stored roles, comma-separated (as the audit rows keep them); may be empty
     * @return the staff id for staff; {@link #RESIDENT_LABEL} for a resident or any subject shaped like an
     *     identity number
     */
    public static String display(String actor, String roles) {
        if (actor == null || actor.isBlank()) {
            return "";
        }
        if (looksLikeIdentityNumber(actor) || onlyPublicRoles(roles)) {
            return RESIDENT_LABEL;
        }
        return actor;
    }

    /** 18 characters, 17 digits and a digit or X: an identity number whether or not its check character holds. */
    static boolean looksLikeIdentityNumber(String s) {
        return s.length() == 18
                && s.substring(0, 17).chars().allMatch(Character::isDigit)
                && (Character.isDigit(s.charAt(17)) || s.charAt(17) == 'X' || s.charAt(17) == 'x');
    }

    private static boolean onlyPublicRoles(String roles) {
        if (roles == null || roles.isBlank()) {
            return false;
        }
        List<String> list = Arrays.stream(roles.split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .toList();
        return !list.isEmpty() && list.stream().allMatch(r -> r.endsWith(":resident") || r.endsWith(":citizen"));
    }
}
