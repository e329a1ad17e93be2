package cn.gov.qinghai.healthdata.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;

/** One page of AuditEvents as a searchset Bundle with self/first/previous/next/last links. */
public final class AuditEventBundle {
    private AuditEventBundle() {}

    public static Bundle page(
            List<AuditEvent> events, int total, int count, int offset, String searchUrl, Instant now) {
        Bundle b = new Bundle();
        b.setId(UUID.randomUUID().toString());
        Resources.common(b, now);
        b.setType(Bundle.BundleType.SEARCHSET);
        b.setTimestamp(Date.from(now));
        b.setTotal(total);
        b.addLink().setRelation("self").setUrl(url(searchUrl, count, offset));
        b.addLink().setRelation("first").setUrl(url(searchUrl, count, 0));
        if (offset > 0) {
            b.addLink().setRelation("previous").setUrl(url(searchUrl, count, Math.max(0, offset - count)));
        }
        if (offset + count < total) {
            b.addLink().setRelation("next").setUrl(url(searchUrl, count, offset + count));
        }
        b.addLink().setRelation("last").setUrl(url(searchUrl, count, total == 0 ? 0 : ((total - 1) / count) * count));
        for (AuditEvent e : events) {
            b.addEntry()
                    .setFullUrl(Fhir.urn(e.getIdPart()))
                    .setResource(e)
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return b;
    }

    private static String url(String base, int count, int offset) {
        return base + (base.contains("?") ? "&" : "?") + "_count=" + count + "&_offset=" + offset;
    }
}
