package cn.gov.qinghai.kit.region;

/**
 * A Qinghai administrative division (GB/T 2260).
 *
 * @param code   six-digit code, e.g. {@code 630100}
 * @param nameZh Chinese name, e.g. {@code 西宁市}
 * @param nameEn English name, e.g. {@code Xining}
 * @param level  province, prefecture or county
 * @param parent code of the enclosing division; {@code null} for the province
 */
public record Region(String code, String nameZh, String nameEn, Level level, String parent) {

    /** Administrative level. */
    public enum Level {
        PROVINCE,
        PREFECTURE,
        COUNTY
    }
}
