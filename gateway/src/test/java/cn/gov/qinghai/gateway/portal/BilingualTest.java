package cn.gov.qinghai.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Chinese runs inside English text are marked for the English page (issue 20.5), escaped first. */
class BilingualTest {

    @Test
    void documentNumbersAndClausesInEnglishTextAreMarkedAndEverythingIsEscaped() {
        Bilingual en = new Bilingual(true);
        assertEquals(
                "Under <span lang=\"zh-CN\">青政办〔2017〕80号 三(二)</span> the platform &lt;publishes&gt;",
                en.marked("Under 青政办〔2017〕80号 三(二) the platform <publishes>"));
        assertEquals("(<span lang=\"zh-CN\">青政办〔2017〕85号 一(三)</span>).", en.marked("(青政办〔2017〕85号 一(三))."));
        assertEquals("Fire — <span lang=\"zh-CN\">消防（119）、120、应急管理部门</span>", en.marked("Fire — 消防（119）、120、应急管理部门"));
        assertEquals("no Chinese &amp; &quot;quoted&quot;", en.marked("no Chinese & \"quoted\""));
        assertEquals("", en.marked(null));
        assertEquals("青政办〔2017〕80号 &lt;b&gt;", new Bilingual(false).marked("青政办〔2017〕80号 <b>"));
    }
}
