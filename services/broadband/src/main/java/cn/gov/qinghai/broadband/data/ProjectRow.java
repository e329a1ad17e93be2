package cn.gov.qinghai.broadband.data;

import java.math.BigDecimal;
import java.util.List;

/** A stored project (附件2 row, or a synthetic benchmark row). */
public record ProjectRow(
        long id,
        String programme,
        String category,
        int seq,
        String name,
        String owner,
        String plannedYi,
        BigDecimal plannedYuan,
        List<String> repairs) {}
