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
        return english ? text.substring(at + SEPARATOR.length()).trim() : text.substring(0, at).trim();
    }
}
