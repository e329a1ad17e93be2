package cn.gov.qinghai.gateway.hotline;

import cn.gov.qinghai.gateway.portal.Bilingual;
import cn.gov.qinghai.kit.region.Region;
import cn.gov.qinghai.kit.region.Regions;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * The hotline's department and agency names on an English page (issue 20.5): the service names them in Chinese
 * only, so their English is in {@code portal/hotline-names.yaml}. Returns HTML for {@code th:utext}: the English
 * name, or the Chinese one marked {@code lang="zh-CN"} when the file has none; on a Chinese page the Chinese, escaped.
 */
@Singleton
public class HotlineNames {

    private final Map<String, String> departments;
    private final Map<String, String> agencies;

    @SuppressWarnings("unchecked")
    public HotlineNames() {
        try (InputStream in = HotlineNames.class.getResourceAsStream("/portal/hotline-names.yaml")) {
            if (in == null) {
                throw new IllegalStateException("portal/hotline-names.yaml is missing from the gateway's resources");
            }
            Map<String, Map<String, String>> raw = new Yaml().load(in);
            this.departments = Map.copyOf(raw.get("departments"));
            this.agencies = Map.copyOf(raw.get("agencies"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The departments a joint category calls in, joined as the page shows them ("、" or ", "). */
    public String departments(List<String> names, boolean english) {
        Bilingual bi = new Bilingual(english);
        if (!english) {
            return bi.marked(String.join("、", names));
        }
        return names.stream()
                .map(n -> departments.containsKey(n) ? bi.marked(departments.get(n)) : bi.marked(n))
                .collect(Collectors.joining(", "));
    }

    /**
     * An agency: its prefecture's name followed by its department ("西宁市人力资源和社会保障局" → "Xining Human
     * Resources and Social Security Bureau"), read from its id ("630100-human-resources") for the prefecture.
     */
    public String agency(String agencyId, String nameZh, boolean english) {
        Bilingual bi = new Bilingual(english);
        if (!english || nameZh == null || nameZh.isEmpty()) {
            return bi.marked(nameZh);
        }
        String prefecture = agencyId == null || agencyId.length() < 6 ? "" : agencyId.substring(0, 6);
        Region region = Regions.find(prefecture).orElse(null);
        if (region != null && nameZh.startsWith(region.nameZh())) {
            String department = agencies.get(nameZh.substring(region.nameZh().length()));
            if (department != null) {
                return bi.marked(region.nameEn() + " " + department);
            }
        }
        return bi.marked(nameZh);
    }
}
