package cn.gov.qinghai.kit.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region codes of Qinghai: the province and its eight prefecture-level divisions (GB/T 2260), and the rules
 * for "which region covers which" used by per-region parameters and by region-scoped authority.
 */
public final class Regions {

    /** 青海省, the whole province. */
    public static final String PROVINCE = "630000";

    private static final Map<String, Region> KNOWN = new LinkedHashMap<>();

    static {
        add(new Region(PROVINCE, "青海省", "Qinghai Province", Region.Level.PROVINCE, null));
        prefecture("630100", "西宁市", "Xining");
        prefecture("630200", "海东市", "Haidong");
        prefecture("632200", "海北州", "Haibei");
        prefecture("632300", "黄南州", "Huangnan");
        prefecture("632500", "海南州", "Hainan (Qinghai)");
        prefecture("632600", "果洛州", "Golog");
        prefecture("632700", "玉树州", "Yushu");
        prefecture("632800", "海西州", "Haixi");
    }

    private Regions() {}

    private static void prefecture(String code, String zh, String en) {
        add(new Region(code, zh, en, Region.Level.PREFECTURE, PROVINCE));
    }

    private static void add(Region r) {
        KNOWN.put(r.code(), r);
    }

    /** The province and the eight prefecture-level divisions, province first. */
    public static List<Region> provinceAndPrefectures() {
        return Collections.unmodifiableList(new ArrayList<>(KNOWN.values()));
    }

    public static List<Region> prefectures() {
        return KNOWN.values().stream()
                .filter(r -> r.level() == Region.Level.PREFECTURE)
                .toList();
    }

    /** The province or a prefecture-level division with this code. */
    public static Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : KNOWN.get(code));
    }

    public static boolean isProvinceOrPrefecture(String code) {
        return code != null && KNOWN.containsKey(code);
    }

    /** A six-digit code inside Qinghai (63xxxx) whose prefecture is known; county codes are accepted by shape. */
    public static boolean isWithinQinghai(String code) {
        return code != null && code.matches("63\\d{4}") && KNOWN.containsKey(prefectureOf(code));
    }

    /** The prefecture-level code enclosing {@code code} (itself for a prefecture, 630000 for the province). */
    public static String prefectureOf(String code) {
        if (PROVINCE.equals(code)) {
            return PROVINCE;
        }
        return code.substring(0, 4) + "00";
    }

    /** Codes to try for a per-region value, most specific first: the code, its prefecture, the province. */
    public static List<String> lookupChain(String code) {
        List<String> chain = new ArrayList<>(3);
        chain.add(code);
        if (!PROVINCE.equals(code) && code.length() == 6) {
            String prefecture = prefectureOf(code);
            if (!prefecture.equals(code)) {
                chain.add(prefecture);
            }
            chain.add(PROVINCE);
        }
        return chain;
    }

    /**
     * Whether authority scoped to {@code scope} covers {@code target}: the province covers everything, a
     * prefecture covers itself and its counties, a county only itself.
     */
    public static boolean covers(String scope, String target) {
        if (scope == null || target == null) {
            return false;
        }
        if (PROVINCE.equals(scope) || scope.equals(target)) {
            return true;
        }
        boolean scopeIsPrefecture = scope.endsWith("00");
        return scopeIsPrefecture && !PROVINCE.equals(target) && target.startsWith(scope.substring(0, 4));
    }

    /** Display name, or the code itself when unknown. */
    public static String nameZh(String code) {
        return find(code).map(Region::nameZh).orElse(code);
    }
}
