package cn.gov.qinghai.healthdata.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Disclosure control for open statistics (80号 三(二): open data only in ways that protect individuals).
 *
 * <p>A table is a set of entries (interior cells and margins) and a set of lines: groups of entries whose interior
 * cells add up to the line's margin (in a one-way table: all cells and the grand total; in a two-way table: every
 * row with its row total, every column with its column total, and the margins themselves with the grand total).
 *
 * <ol>
 *   <li>Primary suppression: every entry with 0 &lt; count &lt; threshold is hidden. Zeros are shown.</li>
 *   <li>Complementary suppression: while some line has exactly one hidden entry (which a reader could recompute
 *       as margin − Σ shown cells), hide one more entry of that line: an interior cell before a margin, a count of at
 *       least the threshold before a smaller one (so the hidden sum is not itself tiny), a non-zero count before a
 *       zero, then the smallest count (least information lost).</li>
 * </ol>
 * The result has no line with exactly one hidden entry, so no hidden count follows from a single subtraction.
 * Hiding only adds, so the loop ends.
 */
public final class SmallCellSuppression {

    public enum Mark {
        SHOWN,
        PRIMARY,
        COMPLEMENTARY
    }

    private SmallCellSuppression() {}

    public static Mark[] suppress(long[] values, boolean[] margin, List<int[]> lines, long threshold) {
        Mark[] marks = new Mark[values.length];
        for (int i = 0; i < values.length; i++) {
            marks[i] = values[i] > 0 && values[i] < threshold ? Mark.PRIMARY : Mark.SHOWN;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] line : lines) {
                long hidden =
                        IntStream.of(line).filter(i -> marks[i] != Mark.SHOWN).count();
                if (hidden != 1) {
                    continue;
                }
                var candidate = IntStream.of(line)
                        .boxed()
                        .filter(i -> marks[i] == Mark.SHOWN)
                        .min(Comparator.<Integer, Boolean>comparing(i -> margin[i])
                                .thenComparing(i -> values[i] < threshold)
                                .thenComparing(i -> values[i] == 0)
                                .thenComparingLong(i -> values[i])
                                .thenComparingInt(i -> i));
                if (candidate.isPresent()) {
                    marks[candidate.get()] = Mark.COMPLEMENTARY;
                    changed = true;
                }
            }
        }
        return marks;
    }

    /** Lines of a one-way table laid out as cells 0..n-1 then the total at n. */
    public static List<int[]> oneWayLines(int n) {
        return List.of(IntStream.rangeClosed(0, n).toArray());
    }

    /**
     * Lines of a two-way table laid out row-major as (rows+1) × (cols+1): row r, column c at r*(cols+1)+c; the last
     * column holds row totals, the last row column totals, the last entry the grand total.
     */
    public static List<int[]> twoWayLines(int rows, int cols) {
        List<int[]> lines = new ArrayList<>();
        int width = cols + 1;
        for (int r = 0; r <= rows; r++) {
            int row = r;
            lines.add(IntStream.rangeClosed(0, cols).map(c -> row * width + c).toArray());
        }
        for (int c = 0; c <= cols; c++) {
            int col = c;
            lines.add(IntStream.rangeClosed(0, rows).map(r -> r * width + col).toArray());
        }
        return lines;
    }
}
