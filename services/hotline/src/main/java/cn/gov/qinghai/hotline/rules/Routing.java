package cn.gov.qinghai.hotline.rules;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.region.Regions;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The routing table ({@code hotline.routing}, a local rule: 96号 三(三) "反映问题有人管" names no departments): which
 * agency of the ticket's prefecture owns a diverted category.
 */
@Singleton
public class Routing {

    public static final String PARAMETER = "hotline.routing";

    private final ParameterRegistry parameters;

    public Routing(ParameterRegistry parameters) {
        this.parameters = parameters;
    }

    public ParameterValue table(String region, LocalDate date) {
        return parameters.get(PARAMETER).at(date, Regions.prefectureOf(region));
    }

    /** The agency that owns {@code category} in {@code region}'s prefecture, if the table routes it. */
    @SuppressWarnings("unchecked")
    public Optional<Agency> route(String region, String category, LocalDate date) {
        Map<String, Object> t = table(region, date).asMap();
        Object department = ((Map<String, Object>) t.get("routes")).get(category);
        return department == null ? Optional.empty() : agency(Regions.prefectureOf(region) + "-" + department, date);
    }

    /** The agency with this id (a prefecture code, '-', a department key the region's table knows). */
    @SuppressWarnings("unchecked")
    public Optional<Agency> agency(String id, LocalDate date) {
        if (id == null || id.length() < 8 || id.charAt(6) != '-') {
            return Optional.empty();
        }
        String prefecture = id.substring(0, 6);
        Optional<cn.gov.qinghai.kit.region.Region> region = Regions.find(prefecture);
        if (region.isEmpty() || Regions.PROVINCE.equals(prefecture)) {
            return Optional.empty();
        }
        Map<String, Object> departments =
                (Map<String, Object>) table(prefecture, date).asMap().get("departments");
        Object name = departments.get(id.substring(7));
        return name == null
                ? Optional.empty()
                : Optional.of(new Agency(id, region.get().nameZh() + name, prefecture));
    }
}
