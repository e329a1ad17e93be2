package cn.gov.qinghai.kit.params;

import java.util.Map;
import java.util.Objects;

/**
 * Where a rule or a figure comes from: a policy document number and clause, e.g. {@code 青政〔2017〕41号 一}.
 *
 * @param document document number exactly as issued
 * @param clause   clause within it, e.g. {@code 二(二)}; may be empty
 * @param title    document title; may be empty
 * @param note     remark on how the figure was derived; may be empty
 */
public record Citation(String document, String clause, String title, String note) {

    public Citation {
        Objects.requireNonNull(document, "document");
        clause = clause == null ? "" : clause;
        title = title == null ? "" : title;
        note = note == null ? "" : note;
    }

    public static Citation of(String document, String clause) {
        return new Citation(document, clause, "", "");
    }

    /** Short form used in texts: document and clause. */
    public String shortText() {
        return clause.isEmpty() ? document : document + " " + clause;
    }

    public Citation withNote(String newNote) {
        return new Citation(document, clause, title, newNote);
    }

    public cn.gov.qinghai.common.v1.Citation toProto() {
        return cn.gov.qinghai.common.v1.Citation.newBuilder()
                .setDocument(document)
                .setClause(clause)
                .setTitle(title)
                .setNote(note)
                .build();
    }

    /** Reads a citation from a parameter file's {@code reference:} map, filling gaps from {@code fallback}. */
    static Citation fromYaml(Object raw, Citation fallback, String where) {
        if (raw == null) {
            return fallback;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new ParameterFileException(where + ": reference must be a map with document and clause");
        }
        String document = text(map.get("document"));
        if (document == null && fallback != null) {
            document = fallback.document();
        }
        if (document == null) {
            throw new ParameterFileException(where + ": reference.document is required");
        }
        boolean sameDocument = fallback != null && document.equals(fallback.document());
        return new Citation(
                document,
                firstNonNull(text(map.get("clause")), sameDocument ? fallback.clause() : ""),
                firstNonNull(text(map.get("title")), sameDocument ? fallback.title() : ""),
                firstNonNull(text(map.get("note")), ""));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
