package cn.gov.qinghai.gateway.portal;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The last step of an English page (issue 20.5): every run of Chinese left in its text — a document number, a quoted
 * title, a name the services give only in Chinese — is marked {@code <span lang="zh-CN">}, so a screen reader reads
 * it as Chinese and the page stays English everywhere else. Works on the rendered HTML: only text between tags is
 * touched, never a tag or attribute, nor the text of {@code title}, {@code option}, {@code textarea}, {@code script}
 * or {@code style} (which cannot hold an element); a run already inside a marked element is marked again, harmlessly.
 */
final class ChineseMarks {

    private ChineseMarks() {}

    /** True when the page is English (its {@code <html lang="en">}). */
    static boolean englishPage(String html) {
        int at = html.indexOf("<html");
        int end = at < 0 ? -1 : html.indexOf('>', at);
        return end > 0 && html.substring(at, end).contains("lang=\"en\"");
    }

    static String mark(String html) {
        StringBuilder out = new StringBuilder(html.length() + 256);
        int i = 0;
        String rawUntil = null; // inside an element whose text must stay text: the closing tag to wait for
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            int end = lt < 0 ? html.length() : lt;
            String text = html.substring(i, end);
            out.append(rawUntil == null ? marked(text) : text);
            if (lt < 0) {
                break;
            }
            int gt = html.indexOf('>', lt);
            if (gt < 0) {
                out.append(html, lt, html.length());
                break;
            }
            String tag = html.substring(lt, gt + 1);
            out.append(tag);
            String name = tagName(tag);
            if (rawUntil == null && !tag.startsWith("</") && RAW.contains("," + name + ",")) {
                rawUntil = "/" + name;
            } else if (rawUntil != null && ("/" + name).equals(rawUntil) && tag.startsWith("</")) {
                rawUntil = null;
            }
            i = gt + 1;
        }
        return out.toString();
    }

    private static final String RAW = ",title,option,textarea,script,style,";

    private static String tagName(String tag) {
        int from = tag.startsWith("</") ? 2 : 1;
        int to = from;
        while (to < tag.length() && Character.isLetterOrDigit(tag.charAt(to))) {
            to++;
        }
        return tag.substring(from, to).toLowerCase(Locale.ROOT);
    }

    private static String marked(String text) {
        Matcher m = Bilingual.CHINESE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        do {
            out.append(text, at, m.start())
                    .append("<span lang=\"zh-CN\">")
                    .append(m.group())
                    .append("</span>");
            at = m.end();
        } while (m.find());
        return out.append(text, at, text.length()).toString();
    }
}
