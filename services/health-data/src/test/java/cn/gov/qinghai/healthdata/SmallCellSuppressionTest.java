package cn.gov.qinghai.healthdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.healthdata.rules.SmallCellSuppression;
import cn.gov.qinghai.healthdata.rules.SmallCellSuppression.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The disclosure property of open statistics, checked on many random tables: no published count is below the
 * threshold, and an attacker who repeatedly solves any row or column with a single unknown (margin − Σ shown cells)
 * recovers no hidden count at all.
 */
class SmallCellSuppressionTest {

    private static final long T = 5;

    /** Two-way table (rows × cols) of random counts with many small ones, laid out with margins. */
    private static long[] twoWay(Random rnd, int rows, int cols) {
        int width = cols + 1;
        long[] v = new long[(rows + 1) * width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                long x = switch (rnd.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> 1 + rnd.nextInt(4);
                    default -> rnd.nextInt(40);
                };
                v[r * width + c] = x;
                v[r * width + cols] += x;
                v[rows * width + c] += x;
                v[rows * width + cols] += x;
            }
        }
        return v;
    }

    private static boolean[] margins(int rows, int cols) {
        int width = cols + 1;
        boolean[] m = new boolean[(rows + 1) * width];
        for (int i = 0; i < m.length; i++) {
            m[i] = i / width == rows || i % width == cols;
        }
        return m;
    }

    /** What an attacker learns by substitution: returns the entries they can recompute. */
    private static boolean[] attack(long[] values, Mark[] marks, List<int[]> lines) {
        boolean[] known = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            known[i] = marks[i] == Mark.SHOWN;
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int[] line : lines) {
                List<Integer> unknown = new ArrayList<>();
                for (int i : line) {
                    if (!known[i]) {
                        unknown.add(i);
                    }
                }
                if (unknown.size() == 1) {
                    known[unknown.get(0)] = true;
                    progress = true;
                }
            }
        }
        return known;
    }

    @Test
    void randomTwoWayTablesLeakNothingBySubtraction() {
        Random rnd = new Random(20170080);
        for (int trial = 0; trial < 2000; trial++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = 1 + rnd.nextInt(6);
            long[] values = twoWay(rnd, rows, cols);
            List<int[]> lines = SmallCellSuppression.twoWayLines(rows, cols);
            Mark[] marks = SmallCellSuppression.suppress(values, margins(rows, cols), lines, T);
            for (int i = 0; i < values.length; i++) {
                if (marks[i] == Mark.SHOWN) {
                    assertTrue(values[i] == 0 || values[i] >= T, "a small count is shown in trial " + trial);
                }
                if (values[i] > 0 && values[i] < T) {
                    assertEquals(Mark.PRIMARY, marks[i]);
                }
            }
            for (int[] line : lines) {
                long hidden = java.util.Arrays.stream(line)
                        .filter(i -> marks[i] != Mark.SHOWN)
                        .count();
                assertTrue(hidden != 1, "a line with exactly one hidden entry in trial " + trial);
            }
            boolean[] known = attack(values, marks, lines);
            for (int i = 0; i < values.length; i++) {
                assertTrue(marks[i] == Mark.SHOWN || !known[i], "hidden entry " + i + " recomputed in trial " + trial);
            }
        }
    }

    @Test
    void aOneWayTableWithOneSmallCellHidesTheNextSmallestToo() {
        // regions: 12, 3, 40, 7 and the total 62: hiding only the 3 would let 62 − 12 − 40 − 7 = 3 be read back
        long[] values = {12, 3, 40, 7, 62};
        boolean[] margin = {false, false, false, false, true};
        Mark[] marks = SmallCellSuppression.suppress(values, margin, SmallCellSuppression.oneWayLines(4), T);
        assertEquals(List.of(Mark.SHOWN, Mark.PRIMARY, Mark.SHOWN, Mark.COMPLEMENTARY, Mark.SHOWN), List.of(marks));
    }

    @Test
    void withoutSmallCellsNothingIsHidden() {
        long[] values = {12, 0, 40, 52};
        Mark[] marks = SmallCellSuppression.suppress(
                values, new boolean[] {false, false, false, true}, SmallCellSuppression.oneWayLines(3), T);
        assertEquals(List.of(Mark.SHOWN, Mark.SHOWN, Mark.SHOWN, Mark.SHOWN), List.of(marks));
    }
}
