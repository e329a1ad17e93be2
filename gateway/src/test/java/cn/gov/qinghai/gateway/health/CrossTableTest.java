package cn.gov.qinghai.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.health.v1.StatisticsCell;
import cn.gov.qinghai.health.v1.StatisticsTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossTableTest {

    private static StatisticsCell cell(String row, String column, long count, String suppression) {
        return StatisticsCell.newBuilder()
                .addKeys(row)
                .addKeys(column)
                .setCount(count)
                .setSuppressed(!suppression.isEmpty())
                .setSuppression(suppression)
                .build();
    }

    @Test
    void suppressedCellsCarryNoCountEvenWhenTheServiceSentOne() {
        StatisticsTable table = StatisticsTable.newBuilder()
                .addDimensions("region")
                .addDimensions("sex")
                .addCells(cell("630100", "F", 3, "PRIMARY"))
                .addCells(cell("630100", "M", 12, "COMPLEMENTARY"))
                .addCells(cell("632700", "M", 7, ""))
                .addCells(cell("630100", "*", 15, ""))
                .addCells(cell("632700", "*", 7, ""))
                .addCells(cell("*", "F", 3, "PRIMARY"))
                .addCells(cell("*", "M", 19, ""))
                .addCells(cell("*", "*", 22, ""))
                .setThreshold(5)
                .build();
        CrossTable t = new CrossTable(table, k -> k.equals("*") ? "合计" : k);
        assertEquals(List.of("630100", "632700", "*"), t.getRows(), "rows sorted, the total last");
        assertEquals(List.of("F", "M", "*"), t.getColumns());
        CrossTable.Cell primary = t.cell("630100", "F");
        assertTrue(primary.suppressed());
        assertEquals("", primary.count(), "a suppressed cell has no number to show");
        assertEquals("PRIMARY", primary.suppression());
        assertEquals("", t.cell("630100", "M").count());
        assertEquals("COMPLEMENTARY", t.cell("630100", "M").suppression());
        assertEquals("7", t.cell("632700", "M").count());
        assertEquals("0", t.cell("632700", "F").count(), "a combination without encounters is a shown zero");
        assertFalse(t.cell("632700", "F").suppressed());
        assertEquals("22", t.cell("*", "*").count());
        assertTrue(t.isAnySuppressed() && t.isTwoDimensions() && !t.isEmpty());
        assertEquals("合计", t.label("*"));
    }

    @Test
    void aOneWayTableHasOneCountColumnAndAnEmptyOneSaysSo() {
        StatisticsTable oneWay = StatisticsTable.newBuilder()
                .addDimensions("sex")
                .addCells(StatisticsCell.newBuilder().addKeys("F").setCount(9))
                .addCells(StatisticsCell.newBuilder().addKeys("*").setCount(9))
                .build();
        CrossTable t = new CrossTable(oneWay, k -> k);
        assertEquals(List.of("*"), t.getColumns());
        assertEquals("9", t.cell("F", "*").count());
        assertFalse(t.isTwoDimensions() || t.isAnySuppressed());
        StatisticsTable none = StatisticsTable.newBuilder()
                .addDimensions("sex")
                .addCells(StatisticsCell.newBuilder().addKeys("*").setCount(0))
                .build();
        assertTrue(new CrossTable(none, k -> k).isEmpty());
    }
}
