package cn.gov.qinghai.gateway.portal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as people type them into a portal form, read exactly (BigDecimal, never double): "20000", "20,000",
 * full-width "２００００" or "２万", "2万" (= 20000), "1.5万" (= 15000), "3亿", "20000元", spaces anywhere. Percent
 * fields take "5", "5%" or "５％" and mean 5 % (0.05). Anything else is not a number: the form names the field in
 * words, and the service never sees the text.
 *
 * <p>Thousands separators are accepted only in groups of three ("1,234,567"), so "1,5" (a European decimal comma)
 * is refused rather than silently read as 15.
 */
public final class PortalNumbers {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern PLAIN = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?|-?\\.\\d+");

    private PortalNumbers() {}

    /** An amount or count: {@code Optional.empty()} when the text is empty or not a number. */
    public static Optional<BigDecimal> amount(String text) {
        String s = normalize(text);
        if (s.endsWith("元")) {
            s = s.substring(0, s.length() - 1);
        }
        BigDecimal scale = BigDecimal.ONE;
        if (s.endsWith("万")) {
            scale = WAN;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("亿")) {
            scale = YI;
            s = s.substring(0, s.length() - 1);
        }
        BigDecimal factor = scale;
        return decimal(s).map(d -> d.multiply(factor));
    }

    /** A percentage typed as "5", "5%", "５％", "0.5 %": the ratio (0.05, 0.005), exactly. */
    public static Optional<BigDecimal> percent(String text) {
        String s = normalize(text);
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        return decimal(s).map(d -> d.divide(HUNDRED));
    }

    /** A whole number ("3", "３", "1,000", "2万"); empty when not whole or not a number. */
    public static Optional<Integer> integer(String text) {
        return amount(text).flatMap(d -> {
            try {
                return Optional.of(d.intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    /** The number as the services read it: plain digits, no exponent, no trailing zeros ("20000", "0.05", "0"). */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    /** A ratio shown as a percentage ("0.05" → "5"), exactly; the text itself when it is not a number. */
    public static String asPercent(String ratio) {
        return decimal(normalize(ratio)).map(d -> plain(d.multiply(HUNDRED))).orElse(ratio == null ? "" : ratio);
    }

    /** Full-width digits and signs folded to ASCII (NFKC), every kind of space removed. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return s.replaceAll("[\\s\\u00A0\\u2009\\u202F\\u3000]", "").replace('−', '-');
    }

    private static Optional<BigDecimal> decimal(String s) {
        if (s.isEmpty() || !PLAIN.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s.replace(",", "")));
    }
}
