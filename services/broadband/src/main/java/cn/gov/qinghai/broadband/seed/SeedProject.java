package cn.gov.qinghai.broadband.seed;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of 附件2 2017年宽带青海数字青海重点工程项目明细表 as shipped in {@code seed/projects.csv}.
 *
 * @param plannedYi   计划投入 in 亿元 exactly as printed
 * @param plannedYuan the same amount in yuan, exact
 * @param repairs     repair ids that changed this row
 */
public record SeedProject(
        long id,
        String programme,
        String category,
        int seq,
        String name,
        String owner,
        String plannedYi,
        BigDecimal plannedYuan,
        List<String> repairs) {}
