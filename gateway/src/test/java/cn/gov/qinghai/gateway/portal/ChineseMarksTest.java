package cn.gov.qinghai.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What Chinese is left on an English page is marked, in text only (issue 20.5). */
class ChineseMarksTest {

    @Test
    void chineseRunsInTextAreMarkedTagsAttributesAndOptionsAreNot() {
        String html = "<html lang=\"en\"><head><title>青政〔2017〕41号</title></head><body>"
                + "<p title=\"西宁\">Basis: 青政〔2017〕41号 二 and 特困 people</p>"
                + "<select><option>西宁市</option></select></body></html>";
        assertTrue(ChineseMarks.englishPage(html));
        String marked = ChineseMarks.mark(html);
        assertEquals(
                "<html lang=\"en\"><head><title>青政〔2017〕41号</title></head><body>"
                        + "<p title=\"西宁\">Basis: <span lang=\"zh-CN\">青政〔2017〕41号 二</span> and "
                        + "<span lang=\"zh-CN\">特困</span> people</p>"
                        + "<select><option>西宁市</option></select></body></html>",
                marked);
    }

    @Test
    void aChinesePageIsNotTouched() {
        assertFalse(ChineseMarks.englishPage("<html lang=\"zh-CN\"><body>低保</body></html>"));
    }
}
