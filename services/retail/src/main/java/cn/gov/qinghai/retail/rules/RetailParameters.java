package cn.gov.qinghai.retail.rules;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the retail service's parameter files ({@code parameters/*.yaml}). */
@Singleton
public class RetailParameters {

    public static final String FORMATS = "retail.formats";
    public static final String PALLET = "retail.pallet.standard";
    public static final String COLD_CHAIN = "retail.cold_chain.ranges";
    public static final String RURAL_SERVICES = "retail.rural.services";
    public static final String THRESHOLD = "retail.statistics.above_threshold_revenue";

    private final ParameterRegistry registry;

    public RetailParameters(ParameterRegistry registry) {
        this.registry = registry;
    }

    public ParameterValue value(String id, LocalDate date) {
        return registry.get(id).at(date);
    }

    /** Format code → {nameZh, nameEn}, in document order. */
    public Map<String, Map<String, Object>> formats(LocalDate date) {
        return codeList(value(FORMATS, date));
    }

    /** Service code → {nameZh}, in document order. */
    public Map<String, Map<String, Object>> ruralServices(LocalDate date) {
        return codeList(value(RURAL_SERVICES, date));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> codeList(ParameterValue v) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Object item : v.asList()) {
            Map<String, Object> m = (Map<String, Object>) item;
            out.put(m.get("code").toString(), m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<String> palletSectors(LocalDate date) {
        return (List<String>) value(PALLET, date).asMap().get("sectors");
    }
}
