package cn.gov.qinghai.gateway.parameters;

import cn.gov.qinghai.common.v1.DatedValue;
import cn.gov.qinghai.common.v1.Parameter;
import cn.gov.qinghai.common.v1.ValueSource;
import cn.gov.qinghai.gateway.api.DownstreamException;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "What this document sets, and since when": for a document's portal page, every parameter that cites it, with the
 * dated values taken from it (and any standard published under it), read live from the services.
 */
@Singleton
public class DocumentParameters {

    private final ParametersDirectory directory;

    DocumentParameters(ParametersDirectory directory) {
        this.directory = directory;
    }

    /** The parameters citing {@code documentNumber}, and the services that could not be asked. */
    public Section of(HttpRequest<?> request, String documentNumber) {
        ParametersDirectory.Listing listing;
        try {
            listing = directory.list(request, "", documentNumber);
        } catch (DownstreamException e) {
            // The document's page still shows what it says; only this section is missing, and says why.
            return new Section(List.of(), List.of(e.service()));
        }
        List<Item> items =
                listing.parameters().stream().map(o -> item(o, documentNumber)).toList();
        return new Section(items, listing.unavailable());
    }

    private static Item item(ParametersDirectory.Owned owned, String document) {
        Parameter p = owned.parameter();
        List<Row> rows = p.getValuesList().stream()
                .filter(v -> v.getCitation().getDocument().equals(document))
                .map(DocumentParameters::row)
                .toList();
        return new Item(p.getId(), p.getDescription(), p.getUnit(), owned.service(), rows);
    }

    private static Row row(DatedValue v) {
        return new Row(
                v.getFrom(),
                v.getStartUnknown(),
                v.getRepeal(),
                valueText(v),
                v.getCitation().getClause(),
                v.getSource() == ValueSource.PUBLISHED,
                v.getPublishedBy(),
                v.getDecision());
    }

    /** A scalar as it is; per-region values as "code: value" pairs in code order. */
    static String valueText(DatedValue v) {
        if (!v.getByRegionMap().isEmpty()) {
            return v.getByRegionMap().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
        }
        return v.getValue();
    }

    /** The parameters a document sets; {@code unavailable} names services that could not be asked. */
    public record Section(List<Item> items, List<String> unavailable) {
        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    /** One parameter and the values this document gives it. */
    public record Item(String id, String description, String unit, String service, List<Row> rows) {}

    /**
     * One dated value from the document: {@code from} empty when the document does not say ({@code startUnknown});
     * {@code repeal} when it ends the parameter; {@code published} when an operator published it under the document.
     */
    public record Row(
            String from,
            boolean startUnknown,
            boolean repeal,
            String value,
            String clause,
            boolean published,
            String publishedBy,
            String decision) {}

    /** The section's texts, zh (base) and en. */
    @Factory
    static class Messages {
        @Singleton
        @Named("parameters")
        MessageSource parameterMessages() {
            return new ResourceBundleMessageSource("i18n.parameters");
        }
    }
}
