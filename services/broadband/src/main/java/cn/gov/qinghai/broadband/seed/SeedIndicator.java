package cn.gov.qinghai.broadband.seed;

/** One indicator of 附件4 2017年青海省宽带发展目标 ({@code seed/indicators.csv}); values as printed. */
public record SeedIndicator(
        String id, String name, String unit, String value2016, String target2017, String category, String notes) {}
