package cn.gov.qinghai.kit.params.api;

import cn.gov.qinghai.common.v1.DatedValue;
import cn.gov.qinghai.common.v1.Parameter;
import cn.gov.qinghai.common.v1.ValueInForce;
import cn.gov.qinghai.common.v1.ValueSource;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterEntry;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import cn.gov.qinghai.kit.params.PublishedValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's parameters as the public parameters API shows them: the parameter files of the registry, generic over
 * their shapes (scalar, per region, structured), with the values published at run time merged into their history.
 * Built per request (published values change); the files themselves are parsed once at start-up.
 */
public final class ParameterCatalog {

    private static final Comparator<DatedValue> BY_DATE = Comparator.comparing(
                    (DatedValue v) -> !v.getStartUnknown()) // unknown start first
            .thenComparing(DatedValue::getFrom)
            .thenComparing(v -> v.getSource() == ValueSource.PUBLISHED) // the document's value before a publication
            .thenComparing(DatedValue::getPublishedAt);

    private final String service;
    private final Map<String, Parameter> byId;
    private final Map<String, PolicyParameter> files;
    private final Map<String, List<PublishedValues.Value>> published;

    private ParameterCatalog(
            String service,
            Map<String, Parameter> byId,
            Map<String, PolicyParameter> files,
            Map<String, List<PublishedValues.Value>> published) {
        this.service = service;
        this.byId = byId;
        this.files = files;
        this.published = published;
    }

    /** The catalogue of {@code registry} plus the published series, owned by the service {@code service}. */
    public static ParameterCatalog of(String service, ParameterRegistry registry, List<PublishedValues.Series> series) {
        Map<String, PolicyParameter> files = new LinkedHashMap<>();
        registry.all().forEach(p -> files.put(p.id(), p));
        Map<String, List<PublishedValues.Value>> published = new LinkedHashMap<>();
        Map<String, PublishedValues.Series> onlyPublished = new LinkedHashMap<>();
        for (PublishedValues.Series s : series) {
            published.computeIfAbsent(s.parameterId(), k -> new ArrayList<>()).addAll(s.values());
            if (!files.containsKey(s.parameterId())) {
                onlyPublished.putIfAbsent(s.parameterId(), s);
            }
        }
        Map<String, Parameter> byId = new TreeMap<>();
        for (PolicyParameter p : files.values()) {
            byId.put(p.id(), fromFile(service, p, published.getOrDefault(p.id(), List.of())));
        }
        for (PublishedValues.Series s : onlyPublished.values()) {
            byId.put(s.parameterId(), fromSeries(service, s, published.get(s.parameterId())));
        }
        return new ParameterCatalog(service, byId, files, published);
    }

    /** Every parameter ordered by id, or only those citing {@code document} when it is not empty. */
    public List<Parameter> list(String document) {
        if (document == null || document.isEmpty()) {
            return List.copyOf(byId.values());
        }
        return byId.values().stream()
                .filter(p -> p.getDocumentsList().contains(document))
                .toList();
    }

    public Optional<Parameter> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public String service() {
        return service;
    }

    /** What applies on {@code date}: the file's entry (if the parameter has a file) and the newest publications. */
    public ValueInForce at(String id, LocalDate date) {
        ValueInForce.Builder out = ValueInForce.newBuilder().setDate(date.toString());
        PolicyParameter file = files.get(id);
        if (file != null) {
            try {
                ParameterEntry entry = file.entryAt(date);
                out.setInForce(true).setEntry(entry(entry));
            } catch (ParameterLookupException e) {
                out.setInForce(false).setReason(e.kind().name());
            }
        }
        Map<String, PublishedValues.Value> newestPerRegion = new TreeMap<>();
        for (PublishedValues.Value v : published.getOrDefault(id, List.of())) {
            if (!v.from().isAfter(date)) {
                newestPerRegion.merge(v.region(), v, (a, b) -> newer(a, b));
            }
        }
        newestPerRegion.values().forEach(v -> out.addPublished(published(v)));
        if (file == null) {
            out.setInForce(!newestPerRegion.isEmpty()).setReason(newestPerRegion.isEmpty() ? "NOT_YET_IN_FORCE" : "");
        }
        return out.build();
    }

    private static PublishedValues.Value newer(PublishedValues.Value a, PublishedValues.Value b) {
        int byFrom = a.from().compareTo(b.from());
        if (byFrom != 0) {
            return byFrom > 0 ? a : b;
        }
        return a.publishedAt().isAfter(b.publishedAt()) ? a : b;
    }

    private static Parameter fromFile(String service, PolicyParameter p, List<PublishedValues.Value> published) {
        List<DatedValue> values = new ArrayList<>();
        p.values().forEach(e -> values.add(entry(e)));
        published.forEach(v -> values.add(published(v)));
        values.sort(BY_DATE);
        return Parameter.newBuilder()
                .setId(p.id())
                .setDescription(p.description())
                .setUnit(p.unit())
                .setReference(citation(p.reference()))
                .addAllValues(values)
                .setService(service)
                .addAllDocuments(documents(p.reference(), values))
                .build();
    }

    private static Parameter fromSeries(String service, PublishedValues.Series s, List<PublishedValues.Value> all) {
        List<DatedValue> values =
                new ArrayList<>(all.stream().map(ParameterCatalog::published).toList());
        values.sort(BY_DATE);
        return Parameter.newBuilder()
                .setId(s.parameterId())
                .setDescription(nonNull(s.description()))
                .setUnit(nonNull(s.unit()))
                .setReference(
                        s.reference() == null
                                ? cn.gov.qinghai.common.v1.Citation.getDefaultInstance()
                                : citation(s.reference()))
                .addAllValues(values)
                .setService(service)
                .addAllDocuments(documents(s.reference(), values))
                .setPublishedOnly(true)
                .build();
    }

    private static Set<String> documents(Citation reference, List<DatedValue> values) {
        Set<String> out = new LinkedHashSet<>();
        if (reference != null) {
            out.add(reference.document());
        }
        values.forEach(v -> out.add(v.getCitation().getDocument()));
        out.remove("");
        return out;
    }

    static DatedValue entry(ParameterEntry e) {
        DatedValue.Builder b = DatedValue.newBuilder()
                .setFrom(e.from() == null ? "" : e.from().toString())
                .setStartUnknown(e.startUnknown())
                .setRepeal(e.repeal())
                .setCitation(citation(e.citation()))
                .setDecision(e.decision().strip())
                .setSource(ValueSource.POLICY_DOCUMENT);
        if (e.byRegion() != null) {
            e.byRegion().forEach((region, v) -> b.putByRegion(region, ValueText.of(v)));
        } else if (e.value() != null) {
            b.setValue(ValueText.of(e.value()));
        }
        return b.build();
    }

    private static DatedValue published(PublishedValues.Value v) {
        return DatedValue.newBuilder()
                .setFrom(v.from().toString())
                .putByRegion(v.region(), v.value())
                .setCitation(citation(v.citation()))
                .setSource(ValueSource.PUBLISHED)
                .setPublishedBy(nonNull(v.publishedBy()))
                .setPublishedAt(v.publishedAt() == null ? "" : v.publishedAt().toString())
                .build();
    }

    private static cn.gov.qinghai.common.v1.Citation citation(Citation c) {
        return c == null ? cn.gov.qinghai.common.v1.Citation.getDefaultInstance() : c.toProto();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
