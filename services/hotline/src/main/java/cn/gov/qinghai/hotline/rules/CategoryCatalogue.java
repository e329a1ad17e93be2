package cn.gov.qinghai.hotline.rules;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The category catalogue of 青政办〔2017〕96号 二(二) in force on a date ({@code hotline.categories}). Parsed
 * catalogues are cached per dated entry (keyed by its date): parameters never change while the service runs.
 */
@Singleton
public class CategoryCatalogue {

    public static final String PARAMETER = "hotline.categories";

    private final ParameterRegistry parameters;
    private final Map<String, Catalogue> parsed = new ConcurrentHashMap<>();

    public CategoryCatalogue(ParameterRegistry parameters) {
        this.parameters = parameters;
    }

    /** The catalogue in force on {@code date}. */
    public Catalogue at(LocalDate date) {
        ParameterValue value = parameters.get(PARAMETER).at(date);
        return parsed.computeIfAbsent(String.valueOf(value.entry().from()), e -> Catalogue.parse(value));
    }

    /** The categories of one dated entry, by code in catalogue order. */
    public record Catalogue(ParameterValue parameter, Map<String, CategoryDef> byCode) {

        @SuppressWarnings("unchecked")
        static Catalogue parse(ParameterValue value) {
            Map<String, CategoryDef> byCode = new LinkedHashMap<>();
            for (Object o : value.asList()) {
                CategoryDef c = CategoryDef.fromYaml((Map<String, Object>) o, value.citation());
                byCode.put(c.code(), c);
            }
            return new Catalogue(value, java.util.Collections.unmodifiableMap(byCode));
        }

        public List<CategoryDef> categories() {
            return List.copyOf(byCode.values());
        }

        public CategoryDef find(String code) {
            return byCode.get(code);
        }

        /** The parameter's decision note (what the text leaves open and how we read it). */
        public String decision() {
            return parameter.entry().decision();
        }
    }
}
