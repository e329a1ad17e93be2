package cn.gov.qinghai.retail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.retail.rules.ExcursionDetector;
import cn.gov.qinghai.retail.rules.TemperatureRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcursionDetectorTest {

    private static final TemperatureRange FROZEN = new TemperatureRange("frozen", null, new BigDecimal("-18"), null);
    private static final TemperatureRange CHILLED =
            new TemperatureRange("chilled", BigDecimal.ZERO, new BigDecimal("4"), null);
    private static final Instant T0 = Instant.parse("2017-07-01T00:00:00Z");

    private static List<ExcursionDetector.Found> run(TemperatureRange range, String... celsiusEveryFiveMinutes) {
        ExcursionDetector d = new ExcursionDetector(range);
        for (int i = 0; i < celsiusEveryFiveMinutes.length; i++) {
            d.accept(T0.plus(Duration.ofMinutes(5L * i)), new BigDecimal(celsiusEveryFiveMinutes[i]));
        }
        return d.finish();
    }

    @Test
    void fortyMinutesAboveTheFrozenLimitIsOneExcursion() {
        // in range, then 8 readings (minutes 5..40) above −18, back in range at minute 45
        List<ExcursionDetector.Found> found =
                run(FROZEN, "-20", "-17", "-15", "-12.5", "-14", "-16", "-17.5", "-17.9", "-17", "-19", "-21");
        assertEquals(1, found.size());
        assertEquals(Duration.ofMinutes(40), found.get(0).duration());
        assertEquals(0, new BigDecimal("-12.5").compareTo(found.get(0).peak()));
        assertEquals(ExcursionDetector.Direction.ABOVE_MAX, found.get(0).direction());
        assertEquals(T0.plus(Duration.ofMinutes(5)), found.get(0).startedAt());
    }

    @Test
    void theLimitItselfIsInRangeAndFrozenHasNoLowerBound() {
        assertTrue(run(FROZEN, "-18", "-18.0", "-60", "-18").isEmpty());
    }

    @Test
    void anExcursionStillOpenAtTheLastReadingIsOngoing() {
        List<ExcursionDetector.Found> found = run(CHILLED, "2", "5", "6", "7");
        assertEquals(1, found.size());
        assertNull(found.get(0).endedAt());
        assertEquals(Duration.ofMinutes(10), found.get(0).duration());
        assertEquals(0, new BigDecimal("7").compareTo(found.get(0).peak()));
    }

    @Test
    void crossingFromAboveToBelowIsTwoExcursionsWithTheirOwnPeaks() {
        List<ExcursionDetector.Found> found = run(CHILLED, "3", "6", "-1", "-2", "1", "9", "2");
        assertEquals(3, found.size());
        assertEquals(ExcursionDetector.Direction.ABOVE_MAX, found.get(0).direction());
        assertEquals(ExcursionDetector.Direction.BELOW_MIN, found.get(1).direction());
        assertEquals(0, new BigDecimal("-2").compareTo(found.get(1).peak()));
        assertEquals(Duration.ofMinutes(5), found.get(0).duration());
        assertEquals(Duration.ofMinutes(10), found.get(1).duration());
    }

    @Test
    void readingsMustAscend() {
        ExcursionDetector d = new ExcursionDetector(CHILLED);
        d.accept(T0, BigDecimal.ONE);
        assertThrows(IllegalArgumentException.class, () -> d.accept(T0, BigDecimal.ONE));
    }
}
