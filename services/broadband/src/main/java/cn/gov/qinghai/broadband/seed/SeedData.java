package cn.gov.qinghai.broadband.seed;

import cn.gov.qinghai.kit.csv.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The four attachments of 青政办〔2017〕93号 as extracted into {@code classpath:seed/} (see its README): read once,
 * immutable. Amounts stay decimal strings until parsed with {@link BigDecimal}; nothing here is a float.
 */
public final class SeedData {

    public static final String FOLDER = "seed/";
    /** Column names of 附件3 that are not categories. */
    public static final String BROADBAND_SUBTOTAL = "宽带青海建设工程小计";

    public static final String DIGITAL_SUBTOTAL = "数字青海建设工程小计";
    public static final String TOTAL = "合计";
    /** The printed totals row of 附件3. */
    public static final String PROVINCE_ROW = "全省";

    private final List<SeedProject> projects;
    private final List<SummaryCell> summary;
    private final List<SeedNote> repairs;
    private final List<SeedNote> unresolved;
    private final List<SeedIndicator> indicators;
    private final ConsumptionTarget consumption;
    private final String checksum;

    private SeedData(
            List<SeedProject> projects,
            List<SummaryCell> summary,
            List<SeedNote> repairs,
            List<SeedNote> unresolved,
            List<SeedIndicator> indicators,
            ConsumptionTarget consumption,
            String checksum) {
        this.projects = projects;
        this.summary = summary;
        this.repairs = repairs;
        this.unresolved = unresolved;
        this.indicators = indicators;
        this.consumption = consumption;
        this.checksum = checksum;
    }

    /** Reads the seed shipped on the classpath. Any malformed file stops the service. */
    public static SeedData fromClasspath() {
        String projectsCsv = resource("projects.csv");
        String summaryCsv = resource("investment_summary.csv");
        String repairsYaml = resource("repairs.yaml");
        String indicatorsCsv = resource("indicators.csv");
        String consumptionYaml = resource("consumption_targets.yaml");
        String checksum = sha256(projectsCsv + "\u0000" + summaryCsv + "\u0000" + repairsYaml + "\u0000" + indicatorsCsv
                + "\u0000" + consumptionYaml);
        Map<String, Object> repairsDoc = yaml(repairsYaml);
        return new SeedData(
                projects(projectsCsv),
                summary(summaryCsv),
                notes(repairsDoc.get("repairs"), true),
                notes(repairsDoc.get("unresolved"), false),
                indicators(indicatorsCsv),
                node(asMap(yaml(consumptionYaml).get("root"))),
                checksum);
    }

    public List<SeedProject> projects() {
        return projects;
    }

    public List<SummaryCell> summary() {
        return summary;
    }

    public List<SeedNote> repairs() {
        return repairs;
    }

    public List<SeedNote> unresolved() {
        return unresolved;
    }

    public List<SeedIndicator> indicators() {
        return indicators;
    }

    public ConsumptionTarget consumption() {
        return consumption;
    }

    /** SHA-256 of every seed file, recorded when the seed is loaded into the database. */
    public String checksum() {
        return checksum;
    }

    /** Categories in document order. */
    public List<String> categories() {
        return List.copyOf(
                projects.stream().map(SeedProject::category).collect(LinkedHashSet::new, Set::add, Set::addAll));
    }

    /** Programmes in document order. */
    public List<String> programmes() {
        return List.copyOf(
                projects.stream().map(SeedProject::programme).collect(LinkedHashSet::new, Set::add, Set::addAll));
    }

    /** Programme of each category. */
    public Map<String, String> programmeOf() {
        Map<String, String> out = new LinkedHashMap<>();
        projects.forEach(p -> out.putIfAbsent(p.category(), p.programme()));
        return out;
    }

    /** 附件3 columns in table order. */
    public List<String> summaryColumns() {
        return List.copyOf(
                summary.stream().map(SummaryCell::column).collect(LinkedHashSet::new, Set::add, Set::addAll));
    }

    private static List<SeedProject> projects(String csv) {
        List<SeedProject> out = new ArrayList<>();
        long id = 1;
        for (Map<String, String> r : CsvReader.withHeader(csv)) {
            BigDecimal yuan = new BigDecimal(r.get("planned_investment_yuan"));
            BigDecimal fromYi = new BigDecimal(r.get("planned_investment_yi")).movePointRight(8);
            if (yuan.compareTo(fromYi) != 0) {
                throw new IllegalStateException("projects.csv row " + id + ": yuan " + yuan + " ≠ 亿元 × 10^8 " + fromYi);
            }
            out.add(new SeedProject(
                    id++,
                    r.get("programme"),
                    r.get("category"),
                    Integer.parseInt(r.get("seq")),
                    r.get("name"),
                    r.get("owner"),
                    r.get("planned_investment_yi"),
                    yuan,
                    ids(r.get("repaired"))));
        }
        return List.copyOf(out);
    }

    private static List<SummaryCell> summary(String csv) {
        return CsvReader.withHeader(csv).stream()
                .map(r -> new SummaryCell(
                        r.get("owner"),
                        r.get("category"),
                        r.get("amount_yi"),
                        r.get("effective_yi"),
                        ids(r.get("repaired"))))
                .toList();
    }

    private static List<SeedIndicator> indicators(String csv) {
        return CsvReader.withHeader(csv).stream()
                .map(r -> new SeedIndicator(
                        r.get("id"),
                        r.get("name"),
                        r.get("unit"),
                        r.get("value_2016"),
                        r.get("target_2017"),
                        r.get("category"),
                        r.get("notes")))
                .toList();
    }

    private static List<SeedNote> notes(Object list, boolean repair) {
        List<SeedNote> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            Map<String, Object> m = asMap(o);
            out.add(new SeedNote(
                    text(m, "id"),
                    text(m, "table"),
                    text(m, "row"),
                    text(m, "field"),
                    text(m, "seed_text"),
                    repair ? text(m, "repaired_value") : "",
                    repair ? text(m, "evidence") : text(m, "explanation")));
        }
        return List.copyOf(out);
    }

    private static ConsumptionTarget node(Map<String, Object> m) {
        List<ConsumptionTarget> children = new ArrayList<>();
        Object c = m.get("children");
        if (c instanceof List<?> l) {
            l.forEach(child -> children.add(node(asMap(child))));
        }
        return new ConsumptionTarget(
                text(m, "id"),
                text(m, "name"),
                text(m, "printed_label"),
                text(m, "unit"),
                text(m, "target_2017"),
                List.copyOf(children));
    }

    private static List<String> ids(String field) {
        return field == null || field.isBlank()
                ? List.of()
                : Arrays.stream(field.split(";")).map(String::trim).toList();
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    private static String resource(String name) {
        ClassLoader loader = SeedData.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("seed file missing from the classpath: " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
