package cn.gov.qinghai.gateway.portal;

/**
 * Picks the page's language out of the services' bilingual texts ("中文 / English", the platform's convention for
 * explanation titles, parameter descriptions and caveats). Text without exactly one " / " is shown as it is.
 * Templates use it as {@code ${bi.pick(text)}}.
 */
public final class Bilingual {

    private static final String SEPARATOR = " / ";
    private final boolean english;

    public Bilingual(boolean english) {
        this.english = english;
    }

    public String pick(String text) {
        if (text == null) {
            return "";
        }
        int at = text.indexOf(SEPARATOR);
        if (at < 0 || text.indexOf(SEPARATOR, at + 1) >= 0) {
            return text;
        }
        return english
                ? text.substring(at + SEPARATOR.length()).trim()
                : text.substring(0, at).trim();
    }

    /** A run of Chinese: starts and ends with a CJK character or CJK punctuation, may hold digits and brackets. */
    static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile(
            "[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]"
                    + "(?:[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef0-9()\\-./· ]*[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef])?");

    /**
     * The text as HTML with each run of Chinese marked {@code <span lang="zh-CN">} on the English page (document
     * numbers, clauses, quoted words inside English notes, issue 20.5), escaped first so it is safe for
     * {@code th:utext}; on the Chinese page just escaped.
     */
    public String marked(String text) {
        if (text == null) {
            return "";
        }
        String escaped = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
        if (!english) {
            return escaped;
        }
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = CHINESE.matcher(escaped);
        int at = 0;
        while (m.find()) {
            int end = m.end();
            String run = m.group();
            // a clause such as 三(二) ends with the bracket the run opened
            if (run.chars().filter(c -> c == '(').count()
                            > run.chars().filter(c -> c == ')').count()
                    && end < escaped.length()
                    && escaped.charAt(end) == ')') {
                end++;
            }
            out.append(escaped, at, m.start())
                    .append("<span lang=\"zh-CN\">")
                    .append(escaped, m.start(), end)
                    .append("</span>");
            at = end;
        }
        return out.append(escaped.substring(at)).toString();
    }
}
