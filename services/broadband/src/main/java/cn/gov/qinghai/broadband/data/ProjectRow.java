package cn.gov.qinghai.broadband.data;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A stored project (附件2 row, or a synthetic benchmark row), read-only: projects are written only by
 * {@link SeedLoader} (and benchmarks). The yuan plan reads without the column's trailing zeros.
 */
@MappedEntity("project")
public record ProjectRow(
        @Id long id,
        String programme,
        String category,
        int seq,
        String name,
        String owner,
        @MappedProperty("planned_investment_yi") String plannedYi,
        @MappedProperty("planned_investment_yuan") BigDecimal plannedYuan,

        @MappedProperty(converter = RepairsColumn.class, converterPersistedType = String.class)
        List<String> repairs) {

    public ProjectRow {
        plannedYuan = plannedYuan.stripTrailingZeros();
    }
}
