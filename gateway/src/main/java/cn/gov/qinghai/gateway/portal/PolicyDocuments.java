package cn.gov.qinghai.gateway.portal;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/** The policy documents of {@code portal/policy-documents.yaml}: title, summary and the rules the platform applies. */
@Singleton
public class PolicyDocuments {

    private final List<Document> documents;

    public PolicyDocuments() {
        try (InputStream in = PolicyDocuments.class.getResourceAsStream("/portal/policy-documents.yaml")) {
            if (in == null) {
                throw new IllegalStateException("portal/policy-documents.yaml is missing from the classpath");
            }
            List<Map<String, Object>> raw = new Yaml().load(in);
            this.documents = raw.stream().map(PolicyDocuments::document).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Document> all() {
        return documents;
    }

    public Optional<Document> find(String id) {
        return documents.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Document document(Map<String, Object> m) {
        List<Map<String, Object>> rules = (List<Map<String, Object>>) m.get("rules");
        return new Document(
                text(m, "id"),
                text(m, "number"),
                text(m, "issued"),
                text((Map<String, Object>) m.get("title"), "zh"),
                text((Map<String, Object>) m.get("title"), "en"),
                text((Map<String, Object>) m.get("summary"), "zh"),
                text((Map<String, Object>) m.get("summary"), "en"),
                rules.stream()
                        .map(r -> new Rule(
                                text(r, "clause"), text(r, "domain"), text(r, "path"), text(r, "zh"), text(r, "en")))
                        .toList());
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    /** One policy document. */
    public record Document(
            String id,
            String number,
            String issued,
            String titleZh,
            String titleEn,
            String summaryZh,
            String summaryEn,
            List<Rule> rules) {
        public String title(boolean english) {
            return english ? titleEn : titleZh;
        }

        public String summary(boolean english) {
            return english ? summaryEn : summaryZh;
        }

        /** The domains that apply this document's rules, in first-mention order. */
        public List<String> domains() {
            return rules.stream().map(Rule::domain).distinct().toList();
        }
    }

    /**
     * One rule of a document as the platform applies it. {@code path} is the page that uses it; empty means the
     * domain's entry page.
     */
    public record Rule(String clause, String domain, String path, String textZh, String textEn) {
        public String text(boolean english) {
            return english ? textEn : textZh;
        }
    }
}
