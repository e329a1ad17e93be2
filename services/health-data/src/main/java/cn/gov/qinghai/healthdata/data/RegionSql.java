package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.kit.region.Regions;

/** A SQL condition "column lies inside region": everything for the province, a prefix for a prefecture. */
public record RegionSql(String condition, String parameter) {

    public static RegionSql within(String column, String region) {
        if (region == null || region.isEmpty() || Regions.PROVINCE.equals(region)) {
            return new RegionSql("TRUE", null);
        }
        if (region.endsWith("00")) {
            return new RegionSql(column + " LIKE ?", region.substring(0, 4) + "%");
        }
        return new RegionSql(column + " = ?", region);
    }
}
