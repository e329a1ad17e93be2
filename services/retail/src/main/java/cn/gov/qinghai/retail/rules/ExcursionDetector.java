package cn.gov.qinghai.retail.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds temperature excursions in a shipment's readings (青政办〔2017〕85号 二(四): 全程监控 of temperature-controlled
 * food). Feed readings in time order with {@link #accept}; {@link #finish} returns the excursions.
 *
 * <p>An excursion is a maximal run of consecutive readings outside the range on the same side. It starts at the
 * first reading out of range and ends at the first reading back in range: the food is known to be out of range
 * from the one and known to be back only at the other, so the duration is {@code end − start}. A run still out of
 * range at the last reading is ongoing; its duration so far is {@code last reading − start}. The peak is the
 * highest reading of a run above the maximum, or the lowest of a run below the minimum. A run that crosses from
 * above to below without an in-range reading is two excursions.
 */
public final class ExcursionDetector {

    /** Side of the range an excursion is on. */
    public enum Direction {
        ABOVE_MAX,
        BELOW_MIN
    }

    /** One excursion found; {@code endedAt} is {@code null} while ongoing. */
    public record Found(Instant startedAt, Instant endedAt, Instant lastOutAt, BigDecimal peak, Direction direction) {
        public boolean ongoing() {
            return endedAt == null;
        }

        public Duration duration() {
            return Duration.between(startedAt, ongoing() ? lastOutAt : endedAt);
        }
    }

    private final TemperatureRange range;
    private final List<Found> found = new ArrayList<>();
    private Instant start;
    private Instant lastOut;
    private BigDecimal peak;
    private Direction direction;
    private Instant previous;

    public ExcursionDetector(TemperatureRange range) {
        this.range = range;
    }

    /** Next reading; readings must come in strictly ascending time. */
    public void accept(Instant at, BigDecimal celsius) {
        if (previous != null && !at.isAfter(previous)) {
            throw new IllegalArgumentException("readings must ascend in time: " + at + " after " + previous);
        }
        previous = at;
        Direction side = range.max() != null && celsius.compareTo(range.max()) > 0
                ? Direction.ABOVE_MAX
                : range.min() != null && celsius.compareTo(range.min()) < 0 ? Direction.BELOW_MIN : null;
        if (direction != null && side != direction) {
            found.add(new Found(start, at, lastOut, peak, direction));
            direction = null;
        }
        if (side == null) {
            return;
        }
        if (direction == null) {
            direction = side;
            start = at;
            peak = celsius;
        } else if (side == Direction.ABOVE_MAX ? celsius.compareTo(peak) > 0 : celsius.compareTo(peak) < 0) {
            peak = celsius;
        }
        lastOut = at;
    }

    /** The excursions found, oldest first; a run still open at the end is ongoing. */
    public List<Found> finish() {
        List<Found> out = new ArrayList<>(found);
        if (direction != null) {
            out.add(new Found(start, null, lastOut, peak, direction));
        }
        return out;
    }
}
