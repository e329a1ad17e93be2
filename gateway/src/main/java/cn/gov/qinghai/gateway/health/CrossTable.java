package cn.gov.qinghai.gateway.health;

import cn.gov.qinghai.health.v1.StatisticsCell;
import cn.gov.qinghai.health.v1.StatisticsTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@link StatisticsTable} laid out for the page: rows by the first dimension, columns by the second (one "count"
 * column when there is only one), the service's margins as the last row and column. A suppressed cell stays
 * suppressed here: it is a {@link Cell} with {@code suppressed} set and no count, so the page cannot show it as a
 * number; a combination the service did not return at all had no encounter (the service lists every suppressed
 * cell), so it is shown as 0.
 */
public final class CrossTable {

    private static final String TOTAL = "*";
    private static final Cell ZERO = new Cell("0", false, "");

    private final List<String> rowKeys;
    private final List<String> columnKeys;
    private final Map<String, Cell> cells = new HashMap<>();
    private final UnaryOperator<String> label;
    private final boolean twoDimensions;

    /** One cell as shown: a count, or suppressed with the reason (PRIMARY or COMPLEMENTARY). */
    public record Cell(String count, boolean suppressed, String suppression) {}

    CrossTable(StatisticsTable table, UnaryOperator<String> label) {
        this.label = label;
        this.twoDimensions = table.getDimensionsCount() == 2;
        Set<String> rows = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        for (StatisticsCell c : table.getCellsList()) {
            String row = c.getKeys(0);
            String column = twoDimensions ? c.getKeys(1) : TOTAL;
            if (!row.equals(TOTAL)) {
                rows.add(row);
            }
            if (!column.equals(TOTAL)) {
                columns.add(column);
            }
            cells.put(
                    row + "\u0000" + column,
                    c.getSuppressed()
                            ? new Cell("", true, c.getSuppression())
                            : new Cell(Long.toString(c.getCount()), false, ""));
        }
        this.rowKeys = sorted(rows);
        this.columnKeys = sorted(columns);
        this.rowKeys.add(TOTAL);
        this.columnKeys.add(TOTAL);
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(null);
        return list;
    }

    public List<String> getRows() {
        return rowKeys;
    }

    public List<String> getColumns() {
        return columnKeys;
    }

    public boolean isTwoDimensions() {
        return twoDimensions;
    }

    public String label(String key) {
        return label.apply(key);
    }

    public boolean isTotal(String key) {
        return TOTAL.equals(key);
    }

    /** The cell at a row and column; a combination the service did not return is a shown 0. */
    public Cell cell(String row, String column) {
        return cells.getOrDefault(row + "\u0000" + column, ZERO);
    }

    /** Whether any shown cell is suppressed (the page then explains the mark). */
    public boolean isAnySuppressed() {
        return cells.values().stream().anyMatch(Cell::suppressed);
    }

    /** Whether there is nothing to show (no encounter matches the filters). */
    public boolean isEmpty() {
        return rowKeys.size() == 1;
    }
}
