package cn.gov.qinghai.gateway.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code google.api.http} path template (AIP-127): literal segments, single-segment variables naming a request
 * field ({@code {case_id}}, {@code {a.b}}) and an optional custom verb ({@code :calculate}). Multi-segment
 * variables ({@code {name=projects/*}}, {@code **}) are not used by the contracts and are refused when loading, so
 * a binding the transcoder cannot serve fails at start-up, not at the first request.
 */
public final class PathTemplate {

    private final String text;
    private final List<String> literals; // null entry = variable at that position
    private final List<String> variables; // field paths, in order of their segments
    private final String verb;

    private PathTemplate(String text, List<String> literals, List<String> variables, String verb) {
        this.text = text;
        this.literals = literals;
        this.variables = variables;
        this.verb = verb;
    }

    public static PathTemplate parse(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        String path = template;
        String verb = null;
        int lastSlash = path.lastIndexOf('/');
        int colon = path.indexOf(':', lastSlash);
        if (colon > 0 && !path.substring(lastSlash).contains("}")) {
            verb = path.substring(colon + 1);
            path = path.substring(0, colon);
        }
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String field = segment.substring(1, segment.length() - 1);
                if (field.contains("=") || field.contains("*")) {
                    throw new IllegalArgumentException("multi-segment variables are not supported: " + template);
                }
                literals.add(null);
                variables.add(field);
            } else if (segment.isEmpty() || segment.contains("{") || segment.contains("*")) {
                throw new IllegalArgumentException("unsupported path segment '" + segment + "' in " + template);
            } else {
                literals.add(segment);
            }
        }
        return new PathTemplate(
                template, java.util.Collections.unmodifiableList(literals), List.copyOf(variables), verb);
    }

    /** The variables (field path → raw, percent-decoded value) if {@code segments} (+ verb) match, else null. */
    public Map<String, String> match(List<String> segments, String requestVerb) {
        if (segments.size() != literals.size() || !java.util.Objects.equals(verb, requestVerb)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        int v = 0;
        for (int i = 0; i < segments.size(); i++) {
            String literal = literals.get(i);
            if (literal == null) {
                values.put(variables.get(v++), segments.get(i));
            } else if (!literal.equals(segments.get(i))) {
                return null;
            }
        }
        return values;
    }

    /** How many literal segments: a template with more literals wins over one with variables at the same place. */
    public int literalCount() {
        return (int) literals.stream().filter(java.util.Objects::nonNull).count();
    }

    public List<String> variables() {
        return variables;
    }

    public String verb() {
        return verb;
    }

    /** The template as written in the contract, e.g. {@code /api/v1/dibao/cases/{case_id}/decisions}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
