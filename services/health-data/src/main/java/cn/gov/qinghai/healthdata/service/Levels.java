package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.PlatformLevel;
import cn.gov.qinghai.kit.region.Regions;

/** Platform level of a place (80号 二(一)2: 省、市（州）、县三级平台): province, prefecture or county by its GB/T 2260 code. */
public final class Levels {
    private Levels() {}

    public static int of(String region) {
        if (Regions.PROVINCE.equals(region)) {
            return 1;
        }
        return region.endsWith("00") ? 2 : 3;
    }

    public static PlatformLevel proto(int level) {
        return switch (level) {
            case 1 -> PlatformLevel.PROVINCE;
            case 2 -> PlatformLevel.PREFECTURE;
            default -> PlatformLevel.COUNTY;
        };
    }
}
