package cn.gov.qinghai.demodata;

import java.util.List;

/**
 * The county-level divisions of Qinghai in 2017 (GB/T 2260 as of 2017: 湟中 still 630122, 茫崖 not yet a city),
 * the ones dibao cases, residents and outlets are spread over. Kit's Regions knows only the prefectures.
 */
final class Counties {

    record County(String code, String name) {
        String prefecture() {
            return code.substring(0, 4) + "00";
        }
    }

    static final List<County> ALL = List.of(
            new County("630102", "城东区"),
            new County("630103", "城中区"),
            new County("630104", "城西区"),
            new County("630105", "城北区"),
            new County("630121", "大通县"),
            new County("630122", "湟中县"),
            new County("630123", "湟源县"),
            new County("630202", "乐都区"),
            new County("630203", "平安区"),
            new County("630222", "民和县"),
            new County("630223", "互助县"),
            new County("630224", "化隆县"),
            new County("630225", "循化县"),
            new County("632221", "门源县"),
            new County("632222", "祁连县"),
            new County("632223", "海晏县"),
            new County("632224", "刚察县"),
            new County("632321", "同仁县"),
            new County("632322", "尖扎县"),
            new County("632323", "泽库县"),
            new County("632324", "河南县"),
            new County("632521", "共和县"),
            new County("632522", "同德县"),
            new County("632523", "贵德县"),
            new County("632524", "兴海县"),
            new County("632525", "贵南县"),
            new County("632621", "玛沁县"),
            new County("632622", "班玛县"),
            new County("632623", "甘德县"),
            new County("632624", "达日县"),
            new County("632625", "久治县"),
            new County("632626", "玛多县"),
            new County("632701", "玉树市"),
            new County("632722", "杂多县"),
            new County("632723", "称多县"),
            new County("632724", "治多县"),
            new County("632725", "囊谦县"),
            new County("632726", "曲麻莱县"),
            new County("632801", "格尔木市"),
            new County("632802", "德令哈市"),
            new County("632821", "乌兰县"),
            new County("632822", "都兰县"),
            new County("632823", "天峻县"));

    private Counties() {}
}
