package cn.gov.qinghai.gateway.portal;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The working's formulas and input names in the page's language (issue 20.5): the services write formulas over
 * their field names ("countedPay = grossPay − overtimePay − …"); a Chinese page shows them with the words of
 * {@code i18n/terms.properties} ("计入工资 = 应发工资 − 加班工资 − …"), an English page with the names split into
 * words ("counted pay = gross pay − overtime pay"). A name without a Chinese word is left as it is, never guessed.
 */
public final class Terms {

    private static final Pattern NAME = Pattern.compile("\\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\\b|\\b[a-z]{3,}\\b");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final MessageSource messages;
    private final Locale locale;
    private final boolean english;
    private List<String[]> phrases;

    Terms(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.english = PortalLanguage.isEnglish(locale);
    }

    /** A formula in the page's language. */
    public String formula(String formula) {
        if (formula == null || formula.isEmpty()) {
            return "";
        }
        String text = formula;
        if (!english) {
            for (String[] p : phrases()) {
                text = text.replace(p[0], p[1]);
            }
        }
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(word(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An input's name in the page's language ("grossPay" → "应发工资" / "gross pay"). */
    public String name(String name) {
        return name == null ? "" : word(name);
    }

    /** A value of the working in words: "true"/"false" as 是/否 (yes/no); anything else as it is. */
    public String value(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return message("term.value." + value, value);
        }
        return value == null ? "" : value;
    }

    /**
     * A parameter's value with its unit as a reader says it: a rate as a percentage ("0.50 ratio" → "50%"), yuan
     * and time in the page's words ("1500 CNY/month" → "1500 元/月"); a unit without a word is shown as it is.
     */
    public String parameter(String value, String unit) {
        String v = value == null ? "" : value;
        String u = unit == null ? "" : unit.trim();
        boolean number = NUMBER.matcher(v).matches();
        if (number && "ratio".equals(u)) {
            return PortalNumbers.asPercent(v) + "%";
        }
        String words = u.isEmpty() ? "" : message("term.unit." + u.replace(' ', '_'), u);
        return words.isEmpty() ? v : v + " " + words;
    }

    private String message(String key, String fallback) {
        String m = messages.getMessage(key, locale).orElse(key);
        return m.equals(key) ? fallback : m;
    }

    private String word(String token) {
        if (english) {
            // the names are English already: split into words (the base bundle's Chinese must not leak in here)
            return String.join(" ", CAMEL.split(token)).toLowerCase(Locale.ROOT);
        }
        String key = "term." + token;
        String w = messages.getMessage(key, locale).orElse(key);
        return w.equals(key) ? token : w;
    }

    /** Whole English phrases of the formulas with their Chinese ({@code term.phrase.N=English|中文}), longest first. */
    private List<String[]> phrases() {
        if (phrases == null) {
            List<String[]> list = new ArrayList<>();
            for (int i = 1; ; i++) {
                String key = "term.phrase." + i;
                String p = messages.getMessage(key, locale).orElse(key);
                if (p.equals(key) || !p.contains("|")) {
                    break;
                }
                list.add(p.split("\\|", 2));
            }
            list.sort((a, b) -> b[0].length() - a[0].length());
            phrases = list;
        }
        return phrases;
    }

    /** The words of the formulas ({@code i18n/terms*.properties}). */
    @Factory
    static class Messages {
        @Singleton
        @Named("terms-portal")
        MessageSource termsPortalMessages() {
            return new ResourceBundleMessageSource("i18n.terms");
        }
    }
}
