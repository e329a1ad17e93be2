package cn.gov.qinghai.healthdata.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code Patient/$everything} as a searchset Bundle: the record's resources filtered by {@code _since},
 * {@code _type}, {@code start} and {@code end}, paged by {@code _count}/{@code _offset}. The filtered resources are
 * the matches ({@code search.mode = match}, counted in {@code total}); every resource a match refers to (the
 * Patient, Organizations, Practitioners, an encounter of a prescription on another page…) is added to the same page
 * with {@code search.mode = include}, so every {@code urn:uuid} reference resolves inside the bundle it is in.
 */
public final class EverythingBundle {

    /** The filters and paging of one request (nulls: no filter). */
    public record Query(Instant since, Set<String> types, LocalDate start, LocalDate end, int count, int offset) {
        public static final int DEFAULT_COUNT = 50;
        public static final int MAX_COUNT = 200;

        static Query all() {
            return new Query(null, Set.of(), null, null, Integer.MAX_VALUE, 0);
        }
    }

    /** The resource types $everything can return (the _type values accepted). */
    public static final Set<String> TYPES = Set.of(
            "Patient",
            "Encounter",
            "Condition",
            "MedicationRequest",
            "Observation",
            "Consent",
            "Provenance",
            "Invoice",
            "Organization",
            "Practitioner");

    private EverythingBundle() {}

    /** The whole record in one bundle (the export); self link is the bundle's own urn. */
    public static Bundle whole(List<RecordItem> items, Instant now) {
        Bundle b = page(items, Query.all(), now);
        b.addLink().setRelation("self").setUrl(Fhir.urn(b.getIdPart()));
        return b;
    }

    /** One page of a $everything request, with self/first/previous/next/last links under {@code everythingUrl}. */
    public static Bundle page(List<RecordItem> items, Query q, Instant now, String everythingUrl) {
        Bundle b = page(items, q, now);
        int total = b.getTotal();
        b.addLink().setRelation("self").setUrl(url(everythingUrl, q, q.offset()));
        b.addLink().setRelation("first").setUrl(url(everythingUrl, q, 0));
        if (q.offset() > 0) {
            b.addLink().setRelation("previous").setUrl(url(everythingUrl, q, Math.max(0, q.offset() - q.count())));
        }
        if (q.offset() + q.count() < total) {
            b.addLink().setRelation("next").setUrl(url(everythingUrl, q, q.offset() + q.count()));
        }
        int last = total == 0 ? 0 : ((total - 1) / q.count()) * q.count();
        b.addLink().setRelation("last").setUrl(url(everythingUrl, q, last));
        return b;
    }

    private static Bundle page(List<RecordItem> items, Query q, Instant now) {
        List<Resource> matches = new ArrayList<>();
        for (RecordItem item : items) {
            if (matches(item, q)) {
                matches.add(item.resource());
            }
        }
        Map<String, Resource> byUrn = new LinkedHashMap<>();
        items.forEach(i -> byUrn.put(Fhir.urn(i.resource().getIdPart()), i.resource()));

        Bundle b = new Bundle();
        b.setId(UUID.randomUUID().toString());
        Resources.common(b, now);
        b.setType(Bundle.BundleType.SEARCHSET);
        b.setTimestamp(Date.from(now));
        b.setTotal(matches.size());
        List<Resource> pageMatches = matches.subList(
                Math.min(q.offset(), matches.size()), (int) Math.min((long) q.offset() + q.count(), matches.size()));
        Set<String> onPage = new LinkedHashSet<>();
        pageMatches.forEach(r -> onPage.add(Fhir.urn(r.getIdPart())));
        pageMatches.forEach(r -> add(b, r, Bundle.SearchEntryMode.MATCH));
        Deque<Resource> todo = new ArrayDeque<>(pageMatches);
        while (!todo.isEmpty()) {
            for (Reference ref :
                    Fhir.context().newTerser().getAllPopulatedChildElementsOfType(todo.pop(), Reference.class)) {
                String urn = ref.getReference();
                if (urn != null && byUrn.containsKey(urn) && onPage.add(urn)) {
                    add(b, byUrn.get(urn), Bundle.SearchEntryMode.INCLUDE);
                    todo.add(byUrn.get(urn));
                }
            }
        }
        return b;
    }

    private static boolean matches(RecordItem item, Query q) {
        Resource r = item.resource();
        String type = r.fhirType();
        if (!q.types().isEmpty() && !q.types().contains(type)) {
            return false;
        }
        if (("Organization".equals(type) || "Practitioner".equals(type))
                && q.types().isEmpty()) {
            return false; // parties come along as includes of what refers to them
        }
        if (q.since() != null && r.getMeta().getLastUpdated().toInstant().isBefore(q.since())) {
            return "Patient".equals(type); // the Patient heads every $everything answer
        }
        if (item.dated()
                && ((q.start() != null && item.to().isBefore(q.start()))
                        || (q.end() != null && item.from().isAfter(q.end())))) {
            return false;
        }
        if (!item.dated()
                && !"Patient".equals(type)
                && (q.start() != null || q.end() != null)
                && !"Organization".equals(type)
                && !"Practitioner".equals(type)) {
            return false; // undated care records (the registration provenance) are outside any care range
        }
        return true;
    }

    private static void add(Bundle b, Resource r, Bundle.SearchEntryMode mode) {
        b.addEntry()
                .setFullUrl(Fhir.urn(r.getIdPart()))
                .setResource(r)
                .getSearch()
                .setMode(mode);
    }

    private static String url(String base, Query q, int offset) {
        StringJoiner params = new StringJoiner("&");
        if (q.since() != null) {
            params.add("_since=" + enc(q.since().toString()));
        }
        if (!q.types().isEmpty()) {
            params.add("_type=" + String.join(",", q.types().stream().sorted().toList())); // checked names
        }
        if (q.start() != null) {
            params.add("start=" + q.start());
        }
        if (q.end() != null) {
            params.add("end=" + q.end());
        }
        params.add("_count=" + q.count());
        params.add("_offset=" + offset);
        return base + "?" + params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
