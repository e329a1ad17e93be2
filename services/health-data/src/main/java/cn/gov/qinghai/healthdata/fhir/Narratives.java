package cn.gov.qinghai.healthdata.fhir;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Narrative;

/** The human-readable narrative every exported resource carries (dom-6), generated from its content. */
final class Narratives {
    private Narratives() {}

    static void set(DomainResource r, String... lines) {
        StringBuilder div =
                new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">");
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                div.append("<p>").append(escape(line)).append("</p>");
            }
        }
        r.getText()
                .setStatus(Narrative.NarrativeStatus.GENERATED)
                .setDivAsString(div.append("</div>").toString());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
